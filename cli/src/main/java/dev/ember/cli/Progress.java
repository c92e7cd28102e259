package dev.ember.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long command: a redrawn bar on a terminal (progressbar 0.10.2, on stderr), plain
 * "[k/n] …" lines when stderr is not a terminal, or nothing for short jobs.
 */
interface Progress extends AutoCloseable {
    /** One unit of work is done; {@code what} names the next one. */
    void step(String what);

    @Override
    void close();

    /** Whether stderr is a terminal: the launcher says so ({@code -Dember.stderr.tty=true}), or the console is one. */
    static boolean onTerminal() {
        if (Boolean.getBoolean("ember.stderr.tty")) return true;
        var console = System.console();
        return console != null && console.isTerminal();
    }

    /** A bar on a terminal, lines otherwise; silent unless {@code worthShowing}. */
    static Progress of(String task, int total, boolean worthShowing, PrintWriter err) {
        if (!worthShowing) return new Progress() {
            @Override public void step(String what) {}
            @Override public void close() {}
        };
        if (onTerminal()) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err))
                    .setUpdateIntervalMillis(100).build();
            return new Progress() {
                @Override public void step(String what) {
                    bar.step();
                    bar.setExtraMessage(what);
                }
                @Override public void close() { bar.close(); }
            };
        }
        return new Progress() {
            int done;

            @Override public void step(String what) {
                done++;
                err.println(task + " [" + done + "/" + total + "] " + what);
                err.flush();
            }
            @Override public void close() {}
        };
    }
}
