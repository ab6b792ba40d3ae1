using Flick.Core.Domain;
using Flick.Core.Domain.Metrics;
using Flick.Core.Ports;
using Flick.Pipeline.Layout;

namespace Flick.Pipeline.Gold;

/// <summary>
/// Writes the gold Parquet files of the clean bucket. One file per (table, series, slot) or per
/// (table, series, window), under a deterministic key: a re-run overwrites it whole.
/// </summary>
public sealed class GoldWriter(IObjectStore store, BucketNames buckets)
{
    public async Task<string> WriteViewersAsync(SeriesId series, SlotViewers v, CancellationToken ct)
    {
        var slotTime = v.Slot.Start.UtcDateTime;
        var channels = new ParquetFileBuilder()
            .Text("series", Repeat(series.Value, v.Channels.Count))
            .Timestamps("slot", v.Channels.Select(_ => (DateTime?)slotTime).ToArray())
            .Text("user_id", v.Channels.Select(c => c.UserId).ToArray())
            .Text("game_id", v.Channels.Select(c => c.GameId).ToArray())
            .Ints("viewers", v.Channels.Select(c => c.Viewers).ToArray())
            .Text("stream_id", v.Channels.Select(c => c.StreamId).ToArray())
            .Timestamps("started_at", v.Channels.Select(c => c.StartedAt?.UtcDateTime).ToArray());
        await PutAsync(GoldTables.ChannelViewers, series, v.Slot, channels, ct);

        var games = new ParquetFileBuilder()
            .Text("series", Repeat(series.Value, v.Games.Count))
            .Timestamps("slot", v.Games.Select(_ => (DateTime?)slotTime).ToArray())
            .Text("game_id", v.Games.Select(g => g.GameId).ToArray())
            .Text("game_name", v.Games.Select(g => g.GameName).ToArray())
            .Longs("viewers", v.Games.Select(g => g.Viewers).ToArray())
            .Ints("channels", v.Games.Select(g => g.Channels).ToArray());
        await PutAsync(GoldTables.GameViewers, series, v.Slot, games, ct);

        var totals = new ParquetFileBuilder()
            .Text("series", [series.Value])
            .Timestamps("slot", [slotTime])
            .Longs("viewers", [v.Totals.Viewers])
            .Ints("live_channels", [v.Totals.LiveChannels])
            .Ints("games", [v.Totals.Games]);
        await PutAsync(GoldTables.SlotTotals, series, v.Slot, totals, ct);
        return GoldTables.ChannelViewers;
    }

    public async Task WriteRankingsAsync(SeriesId series, SlotRankings r, CancellationToken ct)
    {
        var slotTime = (DateTime?)r.Slot.Start.UtcDateTime;
        var channels = new ParquetFileBuilder()
            .Text("series", Repeat(series.Value, r.Channels.Count))
            .Timestamps("slot", r.Channels.Select(_ => slotTime).ToArray())
            .Ints("rank", r.Channels.Select(c => c.Rank).ToArray())
            .Text("user_id", r.Channels.Select(c => c.UserId).ToArray())
            .Text("user_login", r.Channels.Select(c => c.UserLogin).ToArray())
            .Text("user_name", r.Channels.Select(c => c.UserName).ToArray())
            .Text("game_id", r.Channels.Select(c => c.GameId).ToArray())
            .Ints("viewers", r.Channels.Select(c => c.Viewers).ToArray());
        await PutAsync(GoldTables.ChannelRankings, series, r.Slot, channels, ct);

        var games = new ParquetFileBuilder()
            .Text("series", Repeat(series.Value, r.Games.Count))
            .Timestamps("slot", r.Games.Select(_ => slotTime).ToArray())
            .Ints("rank", r.Games.Select(g => g.Rank).ToArray())
            .Text("game_id", r.Games.Select(g => g.GameId).ToArray())
            .Text("game_name", r.Games.Select(g => g.GameName).ToArray())
            .Longs("viewers", r.Games.Select(g => g.Viewers).ToArray())
            .Ints("channels", r.Games.Select(g => g.Channels).ToArray());
        await PutAsync(GoldTables.GameRankings, series, r.Slot, games, ct);
    }

    public Task WriteObservationsAsync(SeriesId series, Slot slot, IReadOnlyList<Observation> o, CancellationToken ct)
    {
        var file = new ParquetFileBuilder()
            .Text("series", Repeat(series.Value, o.Count))
            .Timestamps("slot", o.Select(_ => (DateTime?)slot.Start.UtcDateTime).ToArray())
            .Text("user_id", o.Select(x => x.UserId).ToArray())
            .Text("user_login", o.Select(x => x.UserLogin).ToArray())
            .Text("user_name", o.Select(x => x.UserName).ToArray())
            .Text("language", o.Select(x => x.Language).ToArray())
            .Text("title", o.Select(x => x.Title).ToArray())
            .Text("game_id", o.Select(x => x.GameId).ToArray())
            .Text("game_name", o.Select(x => x.GameName).ToArray())
            .Text("stream_id", o.Select(x => x.StreamId).ToArray())
            .Timestamps("started_at", o.Select(x => x.StartedAt?.UtcDateTime).ToArray())
            .Timestamps("at", o.Select(x => (DateTime?)x.At.UtcDateTime).ToArray())
            .Ints("viewers", o.Select(x => x.ViewerCount).ToArray());
        return PutAsync(GoldTables.ChannelObservations, series, slot, file, ct);
    }

    public async Task WriteWindowAsync(SeriesId series, WindowMetrics w, CancellationToken ct)
    {
        var slot = Slot.Of(w.From);
        var name = $"{slot.ToKey()}_{(int)(w.To - w.From).TotalMinutes}m";
        await PutAsync(GoldTables.ChannelWindows, series, slot, name, Window(series, w, w.Channels, "user_id"), ct);
        await PutAsync(GoldTables.GameWindows, series, slot, name, Window(series, w, w.Games, "game_id"), ct);
    }

    private static ParquetFileBuilder Window(SeriesId series, WindowMetrics w, IReadOnlyList<WindowFigures> rows, string idColumn) =>
        new ParquetFileBuilder()
            .Text("series", Repeat(series.Value, rows.Count))
            .Timestamps("window_start", rows.Select(_ => (DateTime?)w.From.UtcDateTime).ToArray())
            .Timestamps("window_end", rows.Select(_ => (DateTime?)w.To.UtcDateTime).ToArray())
            .Ints("rank", rows.Select((_, i) => i + 1).ToArray())
            .Text(idColumn, rows.Select(r => r.Id).ToArray())
            .Text("name", rows.Select(r => r.Name).ToArray())
            .Longs("viewer_minutes", rows.Select(r => r.ViewerMinutes).ToArray())
            .Ints("minutes", rows.Select(r => r.Minutes).ToArray())
            .Reals("average_viewers", rows.Select(r => r.AverageViewers).ToArray())
            .Reals("hours_watched", rows.Select(r => r.HoursWatched).ToArray())
            .Longs("peak_viewers", rows.Select(r => r.PeakViewers).ToArray())
            .Timestamps("peak_slot", rows.Select(r => (DateTime?)r.PeakSlot.Start.UtcDateTime).ToArray())
            .Ints("stream_count", rows.Select(r => r.StreamCount).ToArray());

    private Task PutAsync(string table, SeriesId series, Slot slot, ParquetFileBuilder file, CancellationToken ct) =>
        PutAsync(table, series, slot, slot.ToKey(), file, ct);

    private async Task PutAsync(string table, SeriesId series, Slot slot, string name, ParquetFileBuilder file, CancellationToken ct)
    {
        await using var content = await file.BuildAsync(ct);
        await store.PutAsync(buckets.Clean, StorageLayout.Gold(table, series, slot, name), content, "application/vnd.apache.parquet", ct);
    }

    private static string[] Repeat(string value, int count) => Enumerable.Repeat(value, count).ToArray();
}
