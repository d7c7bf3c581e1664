using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Laqa.Crystal;
using Laqa.Engine.Campaign;
using Laqa.Engine.Journal;

namespace Laqa.Cli;

/// <summary>
/// `laqa status DIR|--campaign NAME [--postgres-env VAR] [--json] [--top N]`: where a campaign stands, read from its read
/// model (caught up with the journal first, rebuilt with a line on stderr when it cannot be) without an actor system, so it
/// can run beside the process running the campaign (or after it), in a time that does not grow with a SQLite campaign: the phase,
/// totals, the best structure with the steps spent when it was found, the nodes that worked for it,
/// and the top of the results table.
/// </summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var journal = new JournalOptions();
        var json = new Option<bool>("--json") { Description = "print the status as one JSON document" };
        var top = new Option<int>("--top") { Description = "rows of the results table to show", DefaultValueFactory = _ => 10 };
        var command = new Command("status", "Phase, totals, best structure and top results of a campaign, running or not") { json, top };
        journal.AddTo(command);
        command.SetAction(parsed =>
        {
            var rowCount = parsed.GetValue(top);
            if (rowCount < 0) throw new LaqaInputException($"--top must not be negative (got {rowCount})");
            var folder = journal.Title(parsed);
            using var record = CampaignReadModel.Open(journal.Journal(parsed), note => parsed.InvocationConfiguration.Error.WriteLine($"laqa: {folder}: {note}"));
            // Only the rows shown (and the best candidate's) are read and get their space groups (spglib).
            var rows = ResultsTable.Rows(record.Ranked(rowCount));
            var totals = record.Totals;
            var best = totals.BestCandidate is { } bestId ? rows.FirstOrDefault(r => r.Id == bestId) ?? ResultsTable.Row(record.Candidate(bestId)) : null;
            var output = parsed.InvocationConfiguration.Output;
            if (parsed.GetValue(json))
                output.WriteLine(Json(record, rows, best, rowCount));
            else
            {
                output.WriteLine($"campaign {folder}: {PhaseOf(record)}{(record.EndReason is { } reason ? $" ({reason})" : "")}" +
                                 (record.Running || record.Phase == CampaignPhase.Done ? "" : "; `laqa run` resumes it"));
                output.WriteLine($"structures {totals.Structures} of {record.CandidateCount}, batches {totals.Batches}, relaxation steps {totals.Steps}, " +
                                 $"converged {totals.Converged}, failed {totals.Failed}, at the step limit {totals.AtStepLimit}" +
                                 (totals.Duplicates > 0 ? $", duplicates {totals.Duplicates}" : ""));
                output.WriteLine(BestFound.Line(totals, best, record.StepsToBest, record.StepsToBestMinimum, record.ExternalPressure));
                NodesTable.Print(output, record);
                ResultsTable.Print(output, rows, rowCount, record.ExternalPressure);
            }
            return 0;
        });
        return command;
    }

    /// <summary>The persisted phase while a process runs the campaign; "stopped" when none does and the search has not ended.</summary>
    public static string PhaseOf(CampaignReadModel record) =>
        record.Running || record.Phase == CampaignPhase.Done ? record.Phase.ToString().ToLowerInvariant() : "stopped";

    /// <summary>
    /// Under an external pressure the enthalpy per atom the rows are ranked by is added beside each energy, with the pressure;
    /// when candidates were stopped as duplicates, their count and each duplicate's duplicateOf (so that the status of other
    /// campaigns reads as before).
    /// </summary>
    private static string Json(CampaignReadModel record, IReadOnlyList<ResultRow> rows, ResultRow? best, int top)
    {
        var t = record.Totals;
        var status = new
        {
            phase = PhaseOf(record),
            running = record.Running,
            endReason = record.EndReason,
            candidates = record.CandidateCount,
            structures = t.Structures,
            batches = t.Batches,
            steps = t.Steps,
            converged = t.Converged,
            failed = t.Failed,
            atStepLimit = t.AtStepLimit,
            best = t.BestCandidate is { } id ? new { id, energyPerAtom = best?.EnergyPerAtom, spaceGroup = best?.RelaxedSpaceGroup ?? "-" } : null,
            stepsToBest = record.StepsToBest,
            stepsToBestMinimum = record.StepsToBestMinimum,
            nodes = NodesTable.Json(record),
            top = rows.Take(top).Select((r, i) => new
            {
                rank = i + 1,
                id = r.Id,
                generatedSpaceGroup = r.GeneratedSpaceGroup,
                initialSpaceGroup = r.InitialSpaceGroup,
                relaxedSpaceGroup = r.RelaxedSpaceGroup,
                energyPerAtom = NullIfNaN(r.EnergyPerAtom),
                steps = r.Steps,
                timesSelected = r.TimesSelected,
                status = r.Status.ToString(),
                reason = r.Reason,
            }),
        };
        if (ExternalPressure.IsZero(record.ExternalPressure) && t.Duplicates == 0) return JsonSerializer.Serialize(status);
        var document = JsonSerializer.SerializeToNode(status)!.AsObject();
        if (!ExternalPressure.IsZero(record.ExternalPressure))
        {
            document["pressureGPa"] = JsonValue.Create(double.Parse(ExternalPressure.GPa(record.ExternalPressure), CultureInfo.InvariantCulture));
            if (document["best"] is JsonObject bestNode) bestNode["enthalpyPerAtom"] = t.BestEnthalpyPerAtom;
            foreach (var (node, row) in document["top"]!.AsArray().Zip(rows)) node!["enthalpyPerAtom"] = NullIfNaN(row.EnthalpyPerAtom);
        }
        if (t.Duplicates > 0)
        {
            document["duplicates"] = t.Duplicates;
            foreach (var (node, row) in document["top"]!.AsArray().Zip(rows))
                if (row.DuplicateOf is { } of) node!["duplicateOf"] = of;
        }
        return document.ToJsonString();
    }

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}
