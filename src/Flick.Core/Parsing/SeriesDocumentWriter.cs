using Flick.Core.Domain;

namespace Flick.Core.Parsing;

public static class SeriesDocumentWriter
{
    public static Task WriteAsync(Stream output, SeriesId series, IReadOnlyList<Observation> observations, IReadOnlyDictionary<string, string>? metadata, CancellationToken cancellationToken) =>
        throw new NotImplementedException();
}
