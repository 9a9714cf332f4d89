// Runs the JVM gates' tasks in this one JVM, so the jars they share (the Apex parser among them) load and warm up
// once. The arguments are tasks separated by ";": "apex-ls <workspace>" (apex-ls's CheckForIssues: json, errors
// only, no cache) or "pmd <input.json> <results.json>" (PmdWrapper `run`, as Salesforce Code Analyzer calls it).
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
                    case "pmd" -> {
                        com.salesforce.sfca.pmdwrapper.PmdWrapper.main(new String[] { "run", task[1], task[2] });
                        yield 0;
                    }
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
}
