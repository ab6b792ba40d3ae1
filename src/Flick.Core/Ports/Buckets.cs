namespace Flick.Core.Ports;

/// <summary>The logical buckets of DESIGN §2.</summary>
public static class Buckets
{
    /// <summary>Bronze: pulled bodies exactly as received, and uploads.</summary>
    public const string Raw = "raw";

    /// <summary>Silver: one document per (series, minute slot) and part, run manifests, quarantine.</summary>
    public const string Series = "series";

    /// <summary>Gold: Parquet, Hive-partitioned.</summary>
    public const string Clean = "clean";
}
