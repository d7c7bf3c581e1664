using System.Runtime.InteropServices;

namespace Laqa.Calculators.Lammps;

/// <summary>
/// The C API of Debian's liblammps0 (LAMMPS 29 Sep 2021, the build behind <c>lmp</c>). This build has
/// no C++ exceptions (lammps_config_has_exceptions() is 0): an error ends the process with exit()
/// or MPI_Abort, which is why an instance lives in a host process of its own (<see cref="LammpsSession"/>).
/// Its lammps_reset_box refuses to run once atoms exist (ERROR: Calling lammps_reset_box not supported
/// when atoms exist), so the box is changed with the change_box command.
/// </summary>
internal static partial class LammpsLibrary
{
    public const string Path = "/usr/lib/x86_64-linux-gnu/liblammps.so.0";

    /// <summary>lammps_gather_atoms/lammps_scatter_atoms data type: 1 for double.</summary>
    public const int DoubleType = 1;

    [LibraryImport(Path, EntryPoint = "lammps_open_no_mpi")]
    public static partial nint OpenNoMpi(int argc, [MarshalAs(UnmanagedType.LPArray, ArraySubType = UnmanagedType.LPUTF8Str)] string[] argv, nint ptr);

    [LibraryImport(Path, EntryPoint = "lammps_close")]
    public static partial void Close(nint handle);

    [LibraryImport(Path, EntryPoint = "lammps_commands_string", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint CommandsString(nint handle, string commands);

    [LibraryImport(Path, EntryPoint = "lammps_command", StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint Command(nint handle, string command);

    /// <summary>lammps_command with the command already in UTF-8, null-terminated.</summary>
    [LibraryImport(Path, EntryPoint = "lammps_command")]
    public static unsafe partial nint Command(nint handle, byte* command);

    [LibraryImport(Path, EntryPoint = "lammps_get_thermo", StringMarshalling = StringMarshalling.Utf8)]
    public static partial double GetThermo(nint handle, string keyword);

    [LibraryImport(Path, EntryPoint = "lammps_gather_atoms", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial void GatherAtoms(nint handle, string name, int type, int count, double* data);

    [LibraryImport(Path, EntryPoint = "lammps_scatter_atoms", StringMarshalling = StringMarshalling.Utf8)]
    public static unsafe partial void ScatterAtoms(nint handle, string name, int type, int count, double* data);

    [LibraryImport(Path, EntryPoint = "lammps_get_natoms")]
    public static partial double GetNatoms(nint handle);
}
