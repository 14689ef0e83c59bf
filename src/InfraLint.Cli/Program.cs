using InfraLint.Cli;

return CommandLine.Run(args);
