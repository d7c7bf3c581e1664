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

    public static int Report(string message)
    {
        Console.Error.WriteLine($"laqa: error: {message}");
        return BadInput;
    }
}
