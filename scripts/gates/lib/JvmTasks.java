// Runs the JVM gates' tasks in this one JVM, so the jars they share (the Apex parser among them) load and warm up
// once. The arguments are tasks separated by ";": "apex-ls <workspace>" (apex-ls's CheckForIssues: json, errors
// only, no cache) or "pmd <ruleset> <report.json> <file>..." (PMD's own API, its JSON report format).
// After each task's own output: a line "#task <index> exit <status>" (70 when the task threw).
public class JvmTasks {
    public static void main(String[] args) {
        String[] task = new String[0];
        int index = 0;
        for (int i = 0; i <= args.length; i++) {
            if (i < args.length && !args[i].equals(";")) {
                task = java.util.Arrays.copyOf(task, task.length + 1);
                task[task.length - 1] = args[i];
                continue;
            }
            int status;
            try {
                status = switch (task[0]) {
                    case "apex-ls" -> io.github.apexdevtools.apexls.CheckForIssues.run(
                        "json", "none", "errors", true, scala.collection.immutable.List$.MODULE$.empty(), task[1], null
                    );
                    case "pmd" -> pmd(task);
                    default -> throw new IllegalArgumentException("unknown task " + task[0]);
                };
            } catch (Throwable error) {
                error.printStackTrace();
                status = 70;
            }
            System.out.println("\n#task " + index++ + " exit " + status);
            task = new String[0];
        }
        System.out.flush();
        System.exit(0);
    }

    /**
     * PMD over the given files with the given ruleset, its report written as JSON. A ruleset PMD cannot load (a
     * misspelt rule, malformed XML) is only logged by PMD, which then runs without it: here every error PMD logs is
     * printed and makes the status 1, so a bad ruleset fails instead of passing with fewer rules.
     */
    static int pmd(String[] task) {
        var errors = new java.util.ArrayList<String>();
        var config = new net.sourceforge.pmd.PMDConfiguration();
        config.setReporter(new net.sourceforge.pmd.util.log.PmdReporter() {
            public boolean isLoggable(org.slf4j.event.Level level) {
                return level == org.slf4j.event.Level.ERROR;
            }

            public void logEx(org.slf4j.event.Level level, String message, Object[] args, Throwable error) {
                if (!isLoggable(level)) {
                    return;
                }
                String text = message == null ? "" : java.text.MessageFormat.format(message, args);
                errors.add(error == null ? text : text.isEmpty() ? error.getMessage() : text + ": " + error.getMessage());
                System.out.println("PMD error: " + errors.get(errors.size() - 1));
            }

            public int numErrors() {
                return errors.size();
            }
        });
        // The analysis in this thread: worker threads cost a short run more CPU than they save.
        config.setThreads(0);
        config.addRuleSet(task[1]);
        config.setReportFormat("json");
        config.setReportFile(java.nio.file.Path.of(task[2]));
        for (int f = 3; f < task.length; f++) {
            config.addInputPath(java.nio.file.Path.of(task[f]));
        }
        try (var analysis = net.sourceforge.pmd.PmdAnalysis.create(config)) {
            analysis.performAnalysis();
        }
        return errors.isEmpty() ? 0 : 1;
    }
}
