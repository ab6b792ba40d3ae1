using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Flick.Benchmarks;

/// <summary>Prints one measurement as <c>BENCH {json}</c>: a name and numeric (or pass true/false) fields.</summary>
internal static class BenchLine
{
    public const string Prefix = "BENCH ";

    public static void Print(string name, params (string Field, object Value)[] fields)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("name", name);
            foreach (var (field, value) in fields)
            {
                switch (value)
                {
                    case bool b:
                        json.WriteBoolean(field, b);
                        break;
                    case double d:
                        json.WriteNumber(field, Math.Round(d, 6));
                        break;
                    default:
                        json.WriteNumber(field, Convert.ToInt64(value, CultureInfo.InvariantCulture));
                        break;
                }
            }

            json.WriteEndObject();
        }

        Console.WriteLine(Prefix + Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The process's peak resident set so far (VmHWM), in MB; what GNU time's %M reports at exit.</summary>
    public static double PeakRssMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmHWM:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(), CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return Environment.WorkingSet / 1048576.0;
    }
}
