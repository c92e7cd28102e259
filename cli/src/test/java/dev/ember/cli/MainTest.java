package dev.ember.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
    private static String[] run(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        var cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void helpListsTheCommands() {
        String[] r = run("--help");
        assertThat(r[0]).isEqualTo("0");
        assertThat(r[1]).contains("tutorial", "pool", "plot", "parity");
    }

    @Test
    void parityOnAMissingDirectoryFailsWithAClearMessage() {
        String[] r = run("parity", "/nonexistent/suite");
        assertThat(r[0]).isNotEqualTo("0");
        assertThat(r[2]).contains("no cases.json in /nonexistent/suite");
    }
}
