using System.Text;
using System.Text.Json;
using Flick.Core.Domain;
using Flick.Core.Ports;
using Flick.Local.Data;
using Flick.Local.Messaging;
using Flick.Testing;

namespace Flick.Local.Tests.EndToEnd;

/// <summary>
/// A file dropped in the raw bucket's uploads with good and bad lines: each bad line is quarantined
/// with its reason, and everything else goes through the whole flow.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class BadUploadTests
{
    private static readonly string[] Lines =
    [
        """{"series":"up","at":"2026-11-23T08:00:10Z","streams":[{"id":"s1","user_id":"1","user_login":"a","game_id":"g","game_name":"G","type":"live","viewer_count":10},{"id":"s2","user_id":"2","user_login":"b","game_id":"g","game_name":"G","type":"live","viewer_count":-1}]}""",
        """{"series":"up","at":"2026-11-23T08:00:40Z","streams":[{"id":"s1","user_id":"1","user_login":"a","game_id":"g","game_name":"G","type":"live","viewer_count":12},{"id":"s3","user_login":"nouser","type":"live","viewer_count":5}]}""",
        """{"series":"up","at":"2026-11-23T08:01:00Z","streams":[{"id":"s4","user_id":"4","user_login":"d","game_id":"","type":"live","viewer_count":2147483648},{"id":"s5","user_id":"5","user_login":"e","game_id":"h","game_name":"H","type":"rerun","viewer_count":3},{"id":"s6","user_id":"6","user_login":"f","game_id":"h","game_name":"H","viewer_count":"7"}]}""",
        """{"series":"up","at":"not a time","streams":[{"id":"s7","user_id":"7","viewer_count":1}]}""",
        """{"series":"../etc","at":"2026-11-23T08:01:00Z","streams":[]}""",
        """{"series":"ünïcode","at":"2026-11-23T08:01:00Z","streams":[]}""",
        "{\"series\":\"" + new string('a', 200) + "\",\"at\":\"2026-11-23T08:01:00Z\",\"streams\":[]}",
        """{"series":"up","at":"2026-11-23T08:01:30Z","streams":[{"id":"s8","user_id":"8","user_login":"g","game_id":"h","game_name":"H","type":"live","viewer_count":4}""",
        """{"series":"up","at":"2026-11-23T08:01:59Z","streams":[{"id":"s9","user_id":"9","user_login":"h","game_id":"h","game_name":"H","type":"live","viewer_count":6}]}""",
    ];

    [Fact]
    public async Task Upload_WithBadLines_ShouldQuarantineEachWithItsReasonAndProcessTheRest()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "flick-upload-" + Guid.NewGuid().ToString("N"));
        try
        {
            var raw = Path.Combine(dataDirectory, "buckets", "raw", "uploads");
            Directory.CreateDirectory(raw);
            var body = Encoding.UTF8.GetBytes(string.Join('\n', Lines) + "\n");
            File.WriteAllBytes(Path.Combine(raw, "bad.ndjson"), body);
            await using (var queue = new SqliteMessageQueue(new SqliteMessageQueueOptions(dataDirectory), TimeProvider.System))
            {
                await queue.InitializeAsync(CancellationToken.None);
                var etag = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(body));
                await queue.SendAsync(Queues.Ingest, SqsEvents.ObjectCreated(Buckets.Raw, "uploads/bad.ndjson", body.Length, etag), CancellationToken.None);
            }

            var options = BackfillRun.OptionsFor(dataDirectory, minutes: 0);
            await BackfillRun.StartAsync(options);

            // 08:00 keeps user 1 once, from the later sample (12). 08:01 keeps user 9 (6) only: line 8 is cut short,
            // so its sample is quarantined whole, the stream read before the cut included.
            using var db = new SqliteDatabase(dataDirectory);
            var totals = await new SqliteViewerMetricsStore(db).ReadTotalsAsync("up", Slot.Parse("2026-11-23T08:00Z"), Slot.Parse("2026-11-23T08:02Z"), CancellationToken.None);
            totals.Select(t => (t.Slot.ToString(), t.Viewers, t.LiveChannels)).ShouldBe([("2026-11-23T08:00Z", 12L, 1), ("2026-11-23T08:01Z", 6L, 1)]);

            var quarantine = Directory.EnumerateFiles(Path.Combine(dataDirectory, "buckets", "series", "quarantine"), "*.ndjson", SearchOption.AllDirectories).Single();
            var codes = File.ReadAllLines(quarantine)
                .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("rejection").GetProperty("code").GetString())
                .Order(StringComparer.Ordinal)
                .ToList();
            codes.ShouldBe(new[]
            {
                RejectionCodes.InvalidViewerCount,   // -1
                RejectionCodes.MissingUserId,        // s3
                RejectionCodes.InvalidViewerCount,   // 2^31
                RejectionCodes.NotLive,              // rerun
                RejectionCodes.InvalidViewerCount,   // "7", a string
                RejectionCodes.InvalidAt,            // not a time
                RejectionCodes.InvalidSeriesId,      // ../etc
                RejectionCodes.InvalidSeriesId,      // unicode
                RejectionCodes.InvalidSeriesId,      // 200 characters
                RejectionCodes.MalformedJson,        // line 8, truncated
            }.Order(StringComparer.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
