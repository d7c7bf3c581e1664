using System.CommandLine;

namespace Laqa.Cli;

/// <summary>Every subcommand of `laqa`, one file each.</summary>
public static class Commands
{
    public static IEnumerable<Command> All() =>
    [
        RunCommand.Create(),
        WorkerCommand.Create(),
        StatusCommand.Create(),
        ExportCommand.Create(),
        PlotCommand.Create(),
        GenerateCommand.Create(),
        CalcCommand.Create(),
        RelaxCommand.Create(),
    ];
}
