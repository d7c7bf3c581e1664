namespace Laqa.Engine.Configuration;

/// <summary>The command line of an external program in the config: split at spaces, its program on PATH (or an existing file when it holds a /).</summary>
internal static class ExternalCommand
{
    /// <summary>The words of the command, or null after an error naming the key (empty is an error unless allowed; <paramref name="example"/> and <paramref name="install"/> go into the messages).</summary>
    public static string[]? Read(ConfigReader r, string path, bool allowEmpty, string example, string install)
    {
        var text = r.Scalar(path);
        if (text is null) return null;
        var words = text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            if (allowEmpty) return [];
            r.Errors.Add(path, $"empty: give the program, e.g. \"{example}\"");
            return null;
        }
        if (!IsProgram(words[0]))
        {
            r.Errors.Add(path, $"{words[0]} is {(words[0].Contains('/') ? "not an existing file" : "not on PATH")} ({install})");
            return null;
        }
        return words;
    }

    /// <summary>Whether a program exists: a file when it holds a /, else on PATH.</summary>
    public static bool IsProgram(string program) =>
        program.Contains('/')
            ? File.Exists(program)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}
