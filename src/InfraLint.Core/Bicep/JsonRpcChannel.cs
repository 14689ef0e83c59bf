using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace InfraLint.Core.Bicep;

/// <summary>
/// JSON-RPC 2.0 over LSP-style framing (<c>Content-Length: N\r\n\r\n</c> + UTF-8 JSON) on a pair of
/// streams. A reader thread matches responses to requests; any framing error or end of stream fails
/// every pending request, so a caller never waits on a dead peer.
/// </summary>
internal sealed class JsonRpcChannel : IDisposable
{
    /// <summary>No compiler response is legitimately larger; a bigger frame is treated as garbage.</summary>
    public const int MaxFrameBytes = 256 * 1024 * 1024;

    private readonly Stream input;
    private readonly Stream output;
    private readonly ConcurrentDictionary<long, TaskCompletionSource<JToken>> pending = new();
    private readonly object writeLock = new();
    private readonly Thread reader;
    private long nextId;
    private volatile string? failure;

    public JsonRpcChannel(Stream input, Stream output)
    {
        this.input = input;
        this.output = output;
        reader = new Thread(ReadLoop) { IsBackground = true, Name = "InfraLint bicep jsonrpc reader" };
        reader.Start();
    }

    /// <summary>Why the channel stopped working, or null while it works.</summary>
    public string? Failure => failure;

    public Task<JToken> Request(string method, object parameters)
    {
        if (failure is not null)
            return Task.FromException<JToken>(new BicepCompilerException(failure));
        var id = Interlocked.Increment(ref nextId);
        var completion = new TaskCompletionSource<JToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        var body = JsonConvert.SerializeObject(new { jsonrpc = "2.0", id, method, @params = parameters });
        var bytes = Encoding.UTF8.GetBytes(body);
        var header = Encoding.ASCII.GetBytes("Content-Length: " + bytes.Length.ToString(CultureInfo.InvariantCulture) + "\r\n\r\n");
        try
        {
            lock (writeLock)
            {
                output.Write(header);
                output.Write(bytes);
                output.Flush();
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            Fail("stopped reading its input (" + e.Message + ")");
        }
        return completion.Task;
    }

    public void Fail(string reason)
    {
        failure ??= reason;
        foreach (var id in pending.Keys)
        {
            if (pending.TryRemove(id, out var completion))
                completion.TrySetException(new BicepCompilerException(failure));
        }
    }

    public void Dispose()
    {
        Fail("was stopped");
        input.Dispose();
        output.Dispose();
    }

    private void ReadLoop()
    {
        try
        {
            while (true)
            {
                var length = ReadHeaders();
                if (length < 0)
                {
                    Fail("exited");
                    return;
                }
                var buffer = new byte[length];
                var read = 0;
                while (read < length)
                {
                    var n = input.Read(buffer, read, length - read);
                    if (n == 0)
                    {
                        Fail("exited in the middle of a response");
                        return;
                    }
                    read += n;
                }
                Dispatch(buffer);
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or InvalidOperationException)
        {
            Fail("output could not be read (" + e.Message + ")");
        }
        catch (FormatException e)
        {
            Fail("wrote a malformed response (" + e.Message + ")");
        }
    }

    // Returns the Content-Length of the next frame, or -1 at the end of the stream.
    private int ReadHeaders()
    {
        var length = -1;
        var line = new StringBuilder();
        var sawAny = false;
        while (true)
        {
            var b = input.ReadByte();
            if (b < 0)
                return sawAny ? throw new FormatException("truncated header") : -1;
            sawAny = true;
            if (b != '\n')
            {
                if (line.Length > 1024)
                    throw new FormatException("header line too long");
                line.Append((char)b);
                continue;
            }
            var text = line.ToString().TrimEnd('\r');
            line.Clear();
            if (text.Length == 0)
            {
                if (length < 0)
                    throw new FormatException("no Content-Length header");
                return length;
            }
            var colon = text.IndexOf(':');
            if (colon < 0)
                throw new FormatException("not a header: " + Truncate(text));
            if (text[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                if (!int.TryParse(text[(colon + 1)..].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > MaxFrameBytes)
                    throw new FormatException("bad Content-Length " + Truncate(text[(colon + 1)..]));
            }
        }
    }

    private void Dispatch(byte[] frame)
    {
        JObject message;
        try
        {
            using var reader = new JsonTextReader(new StreamReader(new MemoryStream(frame), Encoding.UTF8))
            {
                DateParseHandling = DateParseHandling.None,
                MaxDepth = 512,
            };
            message = JObject.Load(reader);
        }
        catch (JsonException e)
        {
            throw new FormatException("invalid JSON: " + e.Message);
        }
        if (message["id"] is not JValue { Type: JTokenType.Integer } idValue)
            return; // a notification (e.g. a log message): nothing waits for it
        if (!pending.TryRemove((long)idValue!, out var completion))
            return;
        if (message["error"] is JObject error)
            completion.TrySetException(new JsonRpcErrorException((string?)error["message"] ?? "the compiler returned an error"));
        else
            completion.TrySetResult(message["result"] ?? JValue.CreateNull());
    }

    private static string Truncate(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
