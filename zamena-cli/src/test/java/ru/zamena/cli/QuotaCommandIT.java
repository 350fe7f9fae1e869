package ru.zamena.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code zamena check --org --record} then {@code zamena quota} as table, JSON and XLSX. */
class QuotaCommandIT {
    @BeforeAll
    static void start() {
        // CheckCommandIT.run runs on CheckCommandIT.cli: give it this class's own database
        CheckCommandIT.cli = CliRunner.start(QuotaCommandIT.class);
    }

    @AfterAll
    static void stop() {
        CheckCommandIT.stop();
    }

    @Test
    void recordThenReport(@TempDir Path dir) throws Exception {
        assertThat(CheckCommandIT.run("org", "create", "school-1", "--name", "School No. 1").code()).isZero();
        Path f = dir.resolve("2024.csv");
        Files.writeString(f, """
                id,date,law,kii,okpd2,name,origin_country,registry_number,price
                1,2024-03-01,44-FZ,false,26.20.11.110,Ноутбук А,RU,РЭ-1,100
                2,2024-04-01,44-FZ,false,26.20.11.110,Laptop B,CN,,300
                """);
        var first = CheckCommandIT.run("check", f.toString(), "--org", "school-1", "--record");
        assertThat(first.err()).contains("recorded 2 purchases for school-1");
        var again = CheckCommandIT.run("check", f.toString(), "--org", "school-1", "--record");
        assertThat(again.err()).contains("not recorded again: school-1 recorded this file (2024.csv, 2 items)");
        assertThat(CheckCommandIT.run("check", f.toString(), "--record").err()).contains("--record needs --org ORG");

        var table = CheckCommandIT.run("quota", "--org", "school-1", "--year", "2024");
        assertThat(table.code()).isEqualTo(1); // laptops are short of the minimum
        assertThat(table.out()).contains("POSITION", "SHORTFALL_AMOUNT", "26.20.11", "SHORT", "NO_PURCHASES");

        var json = CheckCommandIT.run("quota", "--org", "school-1", "--year", "2024", "--format", "json", "--lang", "ru");
        JsonNode laptops = Output.JSON.readTree(json.out()).get("quotas").get(0);
        assertThat(laptops.get("name").asText()).startsWith("Компьютеры портативные");
        assertThat(laptops.get("share_by_amount").asDouble()).isEqualTo(25.0);
        assertThat(laptops.get("shortfall_amount").asDouble()).isEqualTo(140.0);

        Path xlsx = dir.resolve("quota.xlsx");
        var x = CheckCommandIT.run("quota", "--org", "school-1", "--year", "2024", "--format", "xlsx", "-o", xlsx.toString());
        assertThat(x.code()).isEqualTo(1);
        try (var wb = new XSSFWorkbook(xlsx.toFile())) {
            var sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("position");
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("26.20.11");
            assertThat(sheet.getRow(1).getCell(12).getNumericCellValue()).isEqualTo(140.0);
        }
        assertThat(CheckCommandIT.run("quota", "--org", "school-1", "--year", "2024", "--format", "xlsx").err()).contains("needs --output");
        assertThat(CheckCommandIT.run("quota", "--org", "school-1", "--year", "2031").err()).contains("no quotas for 2031");
        var nobody = CheckCommandIT.run("quota", "--org", "nobody", "--year", "2024");
        assertThat(nobody.code()).isEqualTo(2);
        assertThat(nobody.err()).contains("organisation nobody");
    }
}
