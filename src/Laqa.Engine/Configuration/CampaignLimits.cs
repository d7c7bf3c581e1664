namespace Laqa.Engine.Configuration;

/// <summary>
/// Upper bounds of the sizes and physical values a campaign (and `laqa generate`) accepts, checked
/// before anything is written. They are far above what a crystal structure search needs and low
/// enough that no value can exhaust memory or overflow the arithmetic; config/reference.conf and
/// the README list them. Atoms per cell: Composition.MaxAtoms.
/// </summary>
public static class CampaignLimits
{
    /// <summary>Candidates of a campaign: each gets an actor that stays in memory for the run, and selection 0, the selector's start and the results ask every one.</summary>
    public const int InitialStructures = 100_000;

    /// <summary>Structures of one `laqa generate`: all are held in memory until the first file is written.</summary>
    public const int GenerateCount = 10_000;

    public const int MaxAttempts = 1_000_000;
    public const int StepsPerBatch = 10_000;
    public const int MaxStepsPerCandidate = 1_000_000;
    public const int Workers = 1_024;
    public const int Prefetch = 100;
    public const int MaxRetries = 100;
    public static readonly TimeSpan BatchTimeout = TimeSpan.FromDays(7);
    /// <summary>As long as a batch may run: waiting for it on a stop is the most a grace period can mean.</summary>
    public static readonly TimeSpan StopGracePeriod = BatchTimeout;
    /// <summary>How often a worker sends an unsettled result again: at most an hour.</summary>
    public static readonly TimeSpan ResendInterval = TimeSpan.FromHours(1);
    /// <summary>A PostgreSQL campaign's lease: renewed every third of it, so not below a second; at most what a dead cluster may block a restart.</summary>
    public static readonly TimeSpan MinLeaseTime = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(10);
    /// <summary>A run's wall-time budget: a year is longer than any allocation.</summary>
    public static readonly TimeSpan WallTime = TimeSpan.FromDays(366);
    /// <summary>A target enthalpy per atom (eV/atom) in magnitude.</summary>
    public const double Enthalpy = 1e4;

    /// <summary>Minimum distance as a factor of the sum of covalent radii, and per-pair minimum distances (Å).</summary>
    public const double MinDistanceFactor = 3;
    public const double PairDistance = 10;
    /// <summary>Volume as a factor of the covalent-sphere estimate, and the volume per atom (Å³) with its sigma.</summary>
    public const double VolumeFactor = 100;
    public const double VolumePerAtom = 10_000;
    /// <summary>The rattle's σ: of the displacement per Cartesian component (Å) and of the strain's components.</summary>
    public const double RattleDisplacement = 1;
    public const double RattleStrain = 0.2;

    /// <summary>fmax in eV/Å; smax and |pressure| in GPa (1 TPa is three times the pressure at the Earth's centre).</summary>
    public const double MaxForce = 100;
    public const double MaxStress = 1_000;
    public const double Pressure = 1_000;
    /// <summary>Duplicate pruning: the energy tolerance (eV/atom) and the fingerprint distance, whose largest value is 1.</summary>
    public const double DuplicateEnergyTolerance = 10;
    public const double DuplicateDistanceTolerance = 1;
    /// <summary>LAQA weights wF and wS.</summary>
    public const double Weight = 1_000;

    /// <summary>Potential parameters: cut-offs and lengths in Å, energies in eV, |charge| in e, C in eV Å⁶, D in eV Å⁸.</summary>
    public const double Cutoff = 30;
    public const double Length = 10;
    public const double Epsilon = 100;
    public const double Charge = 8;
    public const double Repulsion = 1e7;
    public const double Dispersion = 1e7;
}
