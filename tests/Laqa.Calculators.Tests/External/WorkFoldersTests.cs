using Laqa.Calculators.External;
using Laqa.TestSupport;
using Xunit;

namespace Laqa.Calculators.Tests.External;

public class WorkFoldersTests
{
    [Fact]
    public void EachAttemptOfABatchGetsTheNextFolder()
    {
        using var temp = new TempFolder();
        var folders = new WorkFolders(temp.File("calc"), KeepFiles.All);

        Assert.Equal(temp.File("calc/7/3-1"), folders.Create("7", 3));
        Assert.Equal(temp.File("calc/7/3-2"), folders.Create("7", 3));
        Assert.Equal(temp.File("calc/7/4-1"), folders.Create("7", 4));
        Assert.True(Directory.Exists(temp.File("calc/7/3-2")));
    }

    [Theory]
    [InlineData(KeepFiles.All, false, true)]
    [InlineData(KeepFiles.All, true, true)]
    [InlineData(KeepFiles.Failed, false, false)]
    [InlineData(KeepFiles.Failed, true, true)]
    [InlineData(KeepFiles.None, false, false)]
    [InlineData(KeepFiles.None, true, false)]
    public void FinishKeepsWhatThePolicySays(KeepFiles keep, bool failed, bool kept)
    {
        using var temp = new TempFolder();
        var folders = new WorkFolders(temp.File("calc"), keep);
        var folder = folders.Create("0", 1);
        File.WriteAllText(Path.Combine(folder, "pw.out"), "x");

        folders.Finish(folder, failed);

        Assert.Equal(kept, Directory.Exists(folder));
    }
}
