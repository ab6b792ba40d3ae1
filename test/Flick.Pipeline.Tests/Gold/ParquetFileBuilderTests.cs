using Flick.Pipeline.Gold;
using Parquet;
using Parquet.Schema;

namespace Flick.Pipeline.Tests.Gold;

public class ParquetFileBuilderTests
{
    [Fact]
    public async Task Text_ShouldReadBackAsTheStringsWritten()
    {
        // Non-ASCII, a surrogate pair and empty text; one column of all different values, one of two
        // values repeated.
        string[] samples = ["plain", "ÄÖÜ ΣΑΣ", "ДОБРЫЙ", "Emoji 🎮 GO", string.Empty];
        var distinct = Enumerable.Range(0, 3000).Select(i => samples[i % samples.Length] + i).ToArray();
        var repeated = Enumerable.Range(0, 3000).Select(i => i % 3 == 0 ? "sim" : "ÄÖÜ").ToArray();

        await using var file = await new ParquetFileBuilder()
            .Text("distinct", distinct)
            .Text("repeated", repeated)
            .Ints("n", [.. Enumerable.Range(0, 3000)])
            .BuildAsync(CancellationToken.None);

        await using var reader = await ParquetReader.CreateAsync(file);
        var fields = reader.Schema.GetDataFields();
        fields.Select(f => f.Name).ShouldBe(["distinct", "repeated", "n"]);
        using var rowGroup = reader.OpenRowGroupReader(0);
        var texts = new string?[3000];
        await rowGroup.ReadAsync(fields[0], texts.AsMemory(), null, CancellationToken.None);
        texts.ShouldBe(distinct);
        await rowGroup.ReadAsync(fields[1], texts.AsMemory(), null, CancellationToken.None);
        texts.ShouldBe(repeated);
        var numbers = new int[3000];
        await rowGroup.ReadAsync<int>(fields[2], numbers.AsMemory(), null, CancellationToken.None);
        numbers.ShouldBe(Enumerable.Range(0, 3000));
    }

    [Fact]
    public async Task Text_WhenAValueIsNull_ShouldFailNamingTheColumn()
    {
        var builder = new ParquetFileBuilder().Text("title", ["a", null!, "c"]);

        var error = await Should.ThrowAsync<ArgumentException>(() => builder.BuildAsync(CancellationToken.None));

        error.Message.ShouldContain("'title'");
    }

    [Fact]
    public async Task Text_ShouldDeclareARequiredStringField()
    {
        await using var file = await new ParquetFileBuilder().Text("id", ["1"]).BuildAsync(CancellationToken.None);

        await using var reader = await ParquetReader.CreateAsync(file);
        var element = reader.Metadata!.Schema.Single(e => e.Name == "id");

        // UTF-8 text that readers such as DuckDB and Athena take as strings, never null.
        element.Type.ShouldBe(Parquet.Meta.Type.BYTE_ARRAY);
        element.ConvertedType.ShouldBe(Parquet.Meta.ConvertedType.UTF8);
        element.RepetitionType.ShouldBe(Parquet.Meta.FieldRepetitionType.REQUIRED);
    }
}
