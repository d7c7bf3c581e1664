using System.Text.Json;
using Laqa.Engine.CrashHost;
using Laqa.Engine.Hosting;
using Laqa.Engine.Serialization;

// Child process of the crash-resume test: runs (or resumes) a fake campaign in --dir, printing
// "RUNNING" once the campaign runs and "PROGRESS <batches> <steps>" as batches apply; at the end
// writes --dir/result.json and prints "DONE".
var options = CrashHostOptions.Parse(args);
var model = new FakeModel(options.Seed);
var running = false;
var result = await CampaignHost.RunAsync(
    options.Settings(),
    options.Directory,
    new FakeStructureSource(model),
    () => new FakeRelaxer(model, options.MaxForce, TimeSpan.FromMilliseconds(options.DelayMs)),
    progress =>
    {
        if (!running) Console.WriteLine("RUNNING");
        running = true;
        Console.WriteLine($"PROGRESS {progress.Totals.Batches} {progress.Totals.Steps}");
    },
    logLevel: Environment.GetEnvironmentVariable("LAQA_LOG_LEVEL") ?? "WARNING");
var file = Path.Combine(options.Directory, "result.json");
await File.WriteAllBytesAsync(file + ".tmp", JsonSerializer.SerializeToUtf8Bytes(result, LaqaJsonSerializer.CreateOptions()));
File.Move(file + ".tmp", file, overwrite: true);
Console.WriteLine("DONE");
