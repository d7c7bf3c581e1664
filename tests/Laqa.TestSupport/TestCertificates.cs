using System.Diagnostics;

namespace Laqa.TestSupport;

/// <summary>Certificate authorities and node certificates made with the openssl command in a test's folder (EC P-256, valid for two days).</summary>
public static class TestCertificates
{
    /// <summary>A self-signed CA: <c>NAME.key</c> and <c>NAME.crt</c> in the folder.</summary>
    public static void Authority(TempFolder dir, string name) =>
        OpenSsl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
            "-keyout", $"{name}.key", "-out", $"{name}.crt", "-subj", $"/CN={name}");

    /// <summary>A node certificate signed by the CA, exported with its key and the CA's certificate as <c>NAME.p12</c>; returns its path.</summary>
    public static string Node(TempFolder dir, string authority, string name, string password)
    {
        OpenSsl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2",
            "-keyout", $"{name}.key", "-out", $"{name}.crt", "-subj", $"/CN={name}", "-CA", $"{authority}.crt", "-CAkey", $"{authority}.key",
            "-addext", "basicConstraints=critical,CA:FALSE", "-addext", "extendedKeyUsage=serverAuth,clientAuth");
        return Export(dir, name, password, authority);
    }

    /// <summary>
    /// <c>NAME.crt</c>, with <c>NAME.key</c> unless <paramref name="withKey"/> is false and with the authority's
    /// certificate if one is given, as the PKCS#12 file <c>NAME.p12</c>; returns its path.
    /// </summary>
    public static string Export(TempFolder dir, string name, string password, string? authority = null, bool withKey = true)
    {
        string[] key = withKey ? ["-inkey", $"{name}.key"] : ["-nokeys"];
        string[] chain = authority is null ? [] : ["-certfile", $"{authority}.crt"];
        OpenSsl(dir, ["pkcs12", "-export", "-in", $"{name}.crt", .. key, .. chain, "-out", $"{name}.p12", "-passout", $"pass:{password}"]);
        return dir.File($"{name}.p12");
    }

    private static void OpenSsl(TempFolder dir, params string[] args)
    {
        var start = new ProcessStartInfo("openssl", args) { WorkingDirectory = dir.Path, RedirectStandardError = true, RedirectStandardOutput = true };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"openssl {string.Join(' ', args)} exited with {process.ExitCode}: {stderr}{stdout.Result}");
    }
}
