using Flick.Core.Domain;

namespace Flick.Local.Runtime;

/// <summary>What <see cref="RawImport"/> put into the raw bucket, and the minutes its pulls cover: [From, End).</summary>
public sealed record RawImportResult(int Objects, long Bytes, int Pulls, Slot From, Slot End);
