namespace InfraLint.Core.Bicep;

/// <summary>The compiler process failed: it could not start, died, timed out or spoke nonsense.</summary>
internal sealed class BicepCompilerException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The compiler answered a request with an error (e.g. a file it could not read); it still works.</summary>
internal sealed class JsonRpcErrorException(string message) : Exception(message);
