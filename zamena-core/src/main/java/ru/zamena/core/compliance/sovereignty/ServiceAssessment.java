package ru.zamena.core.compliance.sovereignty;

import java.util.Map;

/**
 * What an assessor says about one service: the level reached on each objective with the evidence for it,
 * and optionally the minimum level a tender requires.
 */
public record ServiceAssessment(String service, String provider, Map<String, Answer> answers, Integer requiredLevel) {
    public ServiceAssessment {
        answers = Map.copyOf(answers);
    }

    public record Answer(int level, String evidence) {}
}
