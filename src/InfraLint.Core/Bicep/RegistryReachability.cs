using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace InfraLint.Core.Bicep;

/// <summary>
/// Whether a registry host answers at all: a name lookup and a TCP connect to port 443, each bounded by a short
/// timeout, once per host per run. The compiler retries a restore for tens of seconds on a machine without network;
/// this check takes at most <see cref="Timeout"/> twice, and usually fails in milliseconds when there is no network.
/// </summary>
internal sealed class RegistryReachability(TimeSpan? timeout = null)
{
    private readonly ConcurrentDictionary<string, Lazy<bool>> hosts = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Timeout { get; } = timeout ?? TimeSpan.FromSeconds(1.5);

    /// <summary>Whether <paramref name="registry"/> (a host, or host:port) accepts a connection.</summary>
    public bool IsReachable(string registry) => hosts.GetOrAdd(registry, r => new Lazy<bool>(() => Probe(r))).Value;

    private bool Probe(string registry)
    {
        var colon = registry.LastIndexOf(':');
        var port = 443;
        var host = registry;
        if (colon > 0 && int.TryParse(registry[(colon + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var given) && given is > 0 and < 65536)
            (host, port) = (registry[..colon], given);
        if (host.Length == 0 || Uri.CheckHostName(host) == UriHostNameType.Unknown)
            return false;
        try
        {
            var lookup = Dns.GetHostAddressesAsync(host);
            if (!lookup.Wait(Timeout) || lookup.Result.Length == 0)
                return false;
            using var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
            using var connect = new CancellationTokenSource(Timeout);
            socket.ConnectAsync(lookup.Result, port, connect.Token).AsTask().Wait(connect.Token);
            return socket.Connected;
        }
        catch (Exception e) when (e is AggregateException or SocketException or OperationCanceledException or ArgumentException)
        {
            return false;
        }
    }
}
