using System.CommandLine;
using Laqa.Cli;

var root = new RootCommand("laqa — crystal structure prediction with LAQA on Akka.NET");
foreach (var command in Commands.All())
    root.Subcommands.Add(command);

var parsed = root.Parse(args);
if (parsed.Errors.Count > 0)
    return CliErrors.Report(CliErrors.CommandLine(parsed.Errors.Select(e => e.Message)));

// Our own handler turns bad input into one line and exit code 2; anything else is a real bug and keeps its trace.
return CliErrors.Run(() => parsed.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false }));
