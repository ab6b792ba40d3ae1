using System.Text;
using Flick.Core.Parsing;

namespace Flick.Core.Tests.Parsing;

public sealed class Rfc3339Tests
{
    [Theory]
    [InlineData("2024-05-01T12:00:05Z", 2024, 5, 1, 12, 0, 5, 0)]
    [InlineData("2024-05-01T12:00:05.5Z", 2024, 5, 1, 12, 0, 5, 5_000_000)]
    [InlineData("2024-05-01T12:00:05.00000019Z", 2024, 5, 1, 12, 0, 5, 1)]
    [InlineData("2024-05-01T01:30:00+02:00", 2024, 4, 30, 23, 30, 0, 0)]
    [InlineData("2023-12-31T23:30:00-01:00", 2024, 1, 1, 0, 30, 0, 0)]
    [InlineData("2024-02-29T00:00:00Z", 2024, 2, 29, 0, 0, 0, 0)]
    public void TryParse_WhenTextIsRfc3339_ShouldGiveTheUtcInstant(string text, int y, int mo, int d, int h, int mi, int s, long ticks)
    {
        Rfc3339.TryParse(Encoding.UTF8.GetBytes(text), out var value).ShouldBeTrue();

        value.ShouldBe(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero).AddTicks(ticks));
        value.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("2023-02-29T00:00:00Z")]
    [InlineData("2024-05-01T24:00:00Z")]
    [InlineData("2024-05-01T12:00:00+24:00")]
    [InlineData("2024-05-01T12:00:00+0200")]
    [InlineData("2024-05-01 12:00:00Z")]
    [InlineData("2024-05-01T12:00:00Z ")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00+01:00")]
    [InlineData("+2024-05-01T12:00:00Z")]
    public void TryParse_WhenTextIsNotRfc3339_ShouldFail(string text)
    {
        Rfc3339.TryParse(Encoding.UTF8.GetBytes(text), out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(0, "2024-05-01T12:00:05Z")]
    [InlineData(5_000_000, "2024-05-01T12:00:05.5Z")]
    [InlineData(1, "2024-05-01T12:00:05.0000001Z")]
    public void Format_ShouldWriteUtcWithoutTrailingZeros(long ticks, string expected)
    {
        Rfc3339.Format(new DateTimeOffset(2024, 5, 1, 14, 0, 5, TimeSpan.FromHours(2)).AddTicks(ticks)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(0, "2024-05-01T12:00:05Z")]
    [InlineData(5_000_000, "2024-05-01T12:00:05.5Z")]
    [InlineData(9_999_999, "2024-05-01T12:00:05.9999999Z")]
    [InlineData(1, "2024-05-01T12:00:05.0000001Z")]
    [InlineData(10, "2024-05-01T12:00:05.000001Z")]
    [InlineData(1_230_000, "2024-05-01T12:00:05.123Z")]
    [InlineData(1_000_001, "2024-05-01T12:00:05.1000001Z")]
    public void Write_ShouldWriteTheJsonPropertyWithTheSameTextAsFormat(long ticks, string expected)
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Rfc3339.Write(writer, "at"u8, new DateTimeOffset(2024, 5, 1, 14, 0, 5, TimeSpan.FromHours(2)).AddTicks(ticks));
            writer.WriteEndObject();
        }

        Encoding.UTF8.GetString(buffer.ToArray()).ShouldBe($$"""{"at":"{{expected}}"}""");
    }

    [Fact]
    public void Write_WithTheLongestTime_ShouldFit()
    {
        using var buffer = new MemoryStream();
        using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            Rfc3339.Write(writer, "at"u8, DateTimeOffset.MaxValue);
            writer.WriteEndObject();
        }

        Encoding.UTF8.GetString(buffer.ToArray()).ShouldBe($$"""{"at":"{{Rfc3339.Format(DateTimeOffset.MaxValue)}}"}""");
        Rfc3339.Format(DateTimeOffset.MaxValue).ShouldBe("9999-12-31T23:59:59.9999999Z");
    }

    [Fact]
    public void Write_ShouldGiveWhatTheRuntimesCustomPatternGivesForAnyTime()
    {
        // The stated pattern, formatted by the runtime, against the hand-written fraction.
        var random = new Random(3339);
        Span<byte> text = stackalloc byte[28];
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            if (i % 4 == 0)
            {
                ticks -= ticks % (TimeSpan.TicksPerMillisecond * (1 + (i % 3 * 999)));
            }

            var time = new DateTimeOffset(ticks, TimeSpan.Zero);
            var expected = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", System.Globalization.CultureInfo.InvariantCulture);
            Encoding.UTF8.GetString(text[..Rfc3339.Write(text, time)]).ShouldBe(expected);
        }
    }
}
