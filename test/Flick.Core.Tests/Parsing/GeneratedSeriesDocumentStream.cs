using System.Globalization;
using System.Text;

namespace Flick.Core.Tests.Parsing;

/// <summary>
/// A large series document produced while it is read (never held in memory): one samples array of
/// <see cref="SampleCount"/> samples of <see cref="StreamsPerSample"/> streams, handed out at most
/// <c>maxRead</c> bytes per read from a non-seekable stream.
/// </summary>
/// <remarks>
/// Stream <c>j</c> of sample <c>i</c> has user id <c>j</c> and <see cref="ViewerCount"/> viewers; every
/// stream whose <c>j % 50 == 49</c> has viewer count -1 and must be rejected.
/// </remarks>
public sealed class GeneratedSeriesDocumentStream(int sampleCount, int streamsPerSample, int maxRead) : Stream
{
    private readonly IEnumerator<byte[]> _parts = Parts(sampleCount, streamsPerSample).GetEnumerator();
    private byte[] _current = [];
    private int _position;

    public int SampleCount => sampleCount;

    public int StreamsPerSample => streamsPerSample;

    public long BytesProduced { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public static bool IsRejected(int stream) => stream % 50 == 49;

    public static int ViewerCount(int sample, int stream) => IsRejected(stream) ? -1 : ((sample * 7) + stream) % 1000;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_position == _current.Length)
        {
            if (!_parts.MoveNext())
            {
                return 0;
            }

            _current = _parts.Current;
            _position = 0;
        }

        var n = Math.Min(Math.Min(buffer.Length, maxRead), _current.Length - _position);
        _current.AsSpan(_position, n).CopyTo(buffer);
        _position += n;
        BytesProduced += n;
        return n;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _parts.Dispose();
        }

        base.Dispose(disposing);
    }

    private static IEnumerable<byte[]> Parts(int samples, int streams)
    {
        yield return Encoding.UTF8.GetBytes("""{"series":"big-series","source":"generator","samples":[""");
        var start = new DateTime(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);
        var text = new StringBuilder();
        for (var i = 0; i < samples; i++)
        {
            text.Clear();
            text.Append(i == 0 ? "" : ",").Append("{\"at\":\"")
                .Append(start.AddMinutes(i).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture))
                .Append("\",\"streams\":[");
            for (var j = 0; j < streams; j++)
            {
                text.Append(j == 0 ? "" : ",").Append(CultureInfo.InvariantCulture, $$"""
                    {"id":"4095{{j}}","user_id":"{{j}}","user_login":"user{{j}}","user_name":"User {{j}}","game_id":"{{j % 20}}",
                    "game_name":"Game number {{j % 20}}","type":"live","title":"A fairly ordinary stream title for channel {{j}} — playing and chatting",
                    "viewer_count":{{ViewerCount(i, j)}},"started_at":"2024-04-30T23:00:00Z","language":"en",
                    "thumbnail_url":"https://static-cdn.jtvnw.net/previews-ttv/live_user_user{{j}}-{width}x{height}.jpg",
                    "tag_ids":[],"tags":["English","Chill"],"is_mature":false}
                    """);
            }

            text.Append("]}");
            yield return Encoding.UTF8.GetBytes(text.ToString());
        }

        yield return "]}"u8.ToArray();
    }
}
