namespace Laqa.Calculators.External;

/// <summary>Which batch work folders stay after the batch (calculator.keep-files): all (the default), only failed ones, or none.</summary>
public enum KeepFiles { All, Failed, None }
