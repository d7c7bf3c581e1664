using System.Text.RegularExpressions;
using Laqa.Crystal;

namespace Laqa.Cli;

/// <summary>
/// The CLI's error convention: bad input prints one line naming the cause on stderr and exits
/// with code 2, with no stack trace.
/// </summary>
public static class CliErrors
{
    public const int BadInput = 2;

    public static int Run(Func<int> body)
    {
        try
        {
            return body();
        }
        catch (LaqaInputException e)
        {
            return Report(e.Message);
        }
        catch (FileNotFoundException e)
        {
            return Report($"file not found: {e.FileName ?? e.Message}");
        }
        catch (DirectoryNotFoundException e)
        {
            return Report(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An output path that cannot be written (a file where a folder should be, no permission, disk full).
            return Report(e.Message);
        }
    }

    /// <summary>The command line's parse errors as one line, without .NET type names ("System.Nullable`1[System.Int32]").</summary>
    public static string CommandLine(IEnumerable<string> messages) =>
        string.Join("; ", messages.Select(m =>
        {
            var line = Regex.Replace(m.Trim(), @"\s*\n\s*", " ");
            return Regex.Replace(line, @" as expected type '([^']*)'", t => t.Groups[1].Value.Contains("Int") ? ": expected an integer" : t.Groups[1].Value.Contains("Double") ? ": expected a number" : "");
        }));

    public static int Report(string message)
    {
        Console.Error.WriteLine($"laqa: error: {message}");
        return BadInput;
    }
}
