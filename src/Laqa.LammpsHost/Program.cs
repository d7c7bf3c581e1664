using Laqa.Calculators.Lammps;

// One LAMMPS instance for a LammpsSession of the parent process: requests on stdin, answers on stdout,
// LAMMPS's screen on stderr. Ends when stdin ends (the parent closed it or died), or with LAMMPS on an error.
LammpsHostProtocol.Serve(Console.OpenStandardInput(), Console.OpenStandardOutput());
