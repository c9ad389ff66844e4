package dev.bitsandlogits.press.asciidoctor;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Asciidoctor's JRuby starts without RubyGems")
class AsciidoctorStartTest {

    /**
     * Without RubyGems these load paths are all that finds Asciidoctor and Rouge. Should a new
     * AsciidoctorJ lay out its jar differently, the builder falls back to RubyGems (slower); this says so.
     */
    @Test
    void findsTheLibDirectoriesOfTheBundledGemsAsciidoctorsFirst() {
        List<String> gems = AsciidoctorStart.bundledGems();
        assertTrue(gems.get(0).matches("uri:classloader:/gems/asciidoctor-[0-9.]+/lib"), gems.toString());
        String rouge = gems.stream().filter(g -> g.matches("uri:classloader:/gems/rouge-[0-9.]+/lib")).findFirst()
                .orElseThrow(() -> new AssertionError("no Rouge in " + gems));
        assertNotNull(resource(gems.get(0) + "/asciidoctor.rb"));
        assertNotNull(resource(rouge + "/rouge.rb"));
    }

    private static java.net.URL resource(String loadPath) {
        return AsciidoctorStartTest.class.getClassLoader().getResource(loadPath.substring("uri:classloader:/".length()));
    }
}
