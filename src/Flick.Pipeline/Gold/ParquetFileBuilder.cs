using System.Buffers;
using Flick.Pipeline.Buffers;
using Parquet;
using Parquet.Schema;

namespace Flick.Pipeline.Gold;

/// <summary>
/// Builds one Parquet file (one row group) column by column. Columns are declared with their
/// values, which keeps each table's layout in one readable place.
/// </summary>
public sealed class ParquetFileBuilder
{
    /// <summary>
    /// Dictionary encoding is decided on a column's first thousand values: columns of ids, names and
    /// titles are nearly all different and are written plain without a pass over all their values to
    /// find that out, while series, languages and games still get a dictionary. (Every gold file of
    /// the S benchmark data set came out byte for byte the same as with a full pass.)
    /// </summary>
    private static readonly ParquetOptions Options = new() { DictionaryEncodingSampleSize = 1000 };

    private readonly List<Field> _fields = [];
    private readonly List<Func<ParquetRowGroupWriter, CancellationToken, Task>> _columns = [];

    /// <summary>
    /// A text column; no value may be null. The values go to the writer as the memory of their
    /// strings, the form it encodes, in a pooled array: given strings, it would first copy them into
    /// a new array of that form itself. The file is the same.
    /// </summary>
    public ParquetFileBuilder Text(string name, string[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var field = new DataField<string>(name, false);
        return Add(field, async (rg, ct) =>
        {
            var texts = ArrayPool<ReadOnlyMemory<char>>.Shared.Rent(values.Length);
            try
            {
                for (var i = 0; i < values.Length; i++)
                {
                    texts[i] = values[i]?.AsMemory()
                        ?? throw new ArgumentException($"text column '{name}' holds a null value", nameof(values));
                }

                await rg.WriteAsync<ReadOnlyMemory<char>>(field, texts.AsMemory(0, values.Length), null, null, ct);
            }
            finally
            {
                ArrayPool<ReadOnlyMemory<char>>.Shared.Return(texts, clearArray: true);
            }
        });
    }

    public ParquetFileBuilder Ints(string name, int[] values)
    {
        var field = new DataField<int>(name);
        return Add(field, (rg, ct) => rg.WriteAsync<int>(field, values, null, null, ct));
    }

    public ParquetFileBuilder Longs(string name, long[] values)
    {
        var field = new DataField<long>(name);
        return Add(field, (rg, ct) => rg.WriteAsync<long>(field, values, null, null, ct));
    }

    public ParquetFileBuilder Reals(string name, double[] values)
    {
        var field = new DataField<double>(name);
        return Add(field, (rg, ct) => rg.WriteAsync<double>(field, values, null, null, ct));
    }

    /// <summary>A UTC timestamp column; null values are allowed.</summary>
    public ParquetFileBuilder Timestamps(string name, DateTime?[] values)
    {
        var field = new DataField<DateTime?>(name);
        return Add(field, (rg, ct) => rg.WriteAsync<DateTime>(field, values, null, null, ct));
    }

    /// <summary>The file, positioned at its start, in a pooled stream the caller disposes.</summary>
    public async Task<MemoryStream> BuildAsync(CancellationToken cancellationToken)
    {
        var output = PooledStreams.Create("parquet");
        try
        {
            var schema = new ParquetSchema(_fields);
            await using (var writer = await ParquetWriter.CreateAsync(schema, output, Options, cancellationToken: cancellationToken))
            {
                using var rowGroup = writer.CreateRowGroup();
                foreach (var column in _columns)
                {
                    await column(rowGroup, cancellationToken);
                }
            }

            output.Position = 0;
            return output;
        }
        catch
        {
            await output.DisposeAsync();
            throw;
        }
    }

    private ParquetFileBuilder Add(Field field, Func<ParquetRowGroupWriter, CancellationToken, Task> write)
    {
        _fields.Add(field);
        _columns.Add(write);
        return this;
    }
}
