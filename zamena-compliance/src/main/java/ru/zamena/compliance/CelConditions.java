package ru.zamena.compliance;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelVariableResolver;
import dev.cel.runtime.CelRuntimeFactory;
import ru.zamena.core.compliance.Condition;
import ru.zamena.core.compliance.Rule;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rule conditions in Google's Common Expression Language (CEL), as Dependency-Track's policy engine
 * uses it: a small, safe, well-specified expression language with a type checker, so a typo in a rule
 * pack ({@code registerd}, a string compared with a number) fails when the profile loads, not on an item.
 * Each condition is parsed and type-checked once; the compiled program is evaluated for every item.
 */
public final class CelConditions implements Condition.Compiler {
    /** The variables a condition may use (see {@code ItemFacts.variables}) with their CEL types. */
    public static final Map<String, CelType> VARIABLES = variables();

    private final CelCompiler compiler;
    private final CelRuntime runtime;

    public CelConditions() {
        var builder = CelCompilerFactory.standardCelCompilerBuilder().setResultType(SimpleType.BOOL);
        VARIABLES.forEach(builder::addVar);
        this.compiler = builder.build();
        this.runtime = CelRuntimeFactory.standardCelRuntimeBuilder().build();
    }

    private static Map<String, CelType> variables() {
        var v = new LinkedHashMap<String, CelType>();
        for (String s : new String[] {"id", "date", "law", "okpd2", "cpv", "name", "origin", "registry_number", "category", "product"})
            v.put(s, SimpleType.STRING);
        for (String b : new String[] {"kii", "registered", "software"}) v.put(b, SimpleType.BOOL);
        v.put("price", SimpleType.DOUBLE);
        v.put("analogues", SimpleType.INT);
        v.put("full_analogues", SimpleType.INT);
        v.put("software_classes", ListType.create(SimpleType.STRING));
        v.put("groups", MapType.create(SimpleType.STRING, ListType.create(SimpleType.STRING)));
        return Map.copyOf(v);
    }

    @Override
    public Condition compile(Rule rule) {
        String text = rule.condition();
        if (text == null || text.isBlank()) return vars -> true;
        CelAbstractSyntaxTree ast;
        CelRuntime.Program program;
        try {
            ast = compiler.compile(text, rule.id()).getAst();
            program = runtime.createProgram(ast);
        } catch (CelValidationException e) {
            throw new IllegalArgumentException("rule " + rule.id() + ": invalid condition: " + e.getMessage().strip(), e);
        } catch (CelEvaluationException e) {
            throw new IllegalArgumentException("rule " + rule.id() + ": condition cannot be planned: " + e.getMessage(), e);
        }
        return vars -> {
            try {
                // a resolver reads the item's map as it is; eval(Map) would copy it for every rule
                return Boolean.TRUE.equals(program.eval((CelVariableResolver) name -> java.util.Optional.ofNullable(vars.get(name))));
            } catch (CelEvaluationException e) {
                // e.g. groups.eaeu when the profile has no such group: a rule pack bug, not the item's fault
                throw new IllegalStateException("rule " + rule.id() + ": condition failed on item " + vars.get("id") + ": " + e.getMessage(), e);
            }
        };
    }
}
