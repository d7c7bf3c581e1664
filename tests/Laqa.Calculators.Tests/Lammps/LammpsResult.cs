namespace Laqa.Calculators.Tests.Lammps;

/// <summary>LAMMPS's answer in our frame and units: energy (eV), forces (eV/Å, x0,y0,z0,...) and stress (eV/Å³, row-major, ASE sign).</summary>
public sealed record LammpsResult(double Energy, double[] Forces, double[] Stress);
