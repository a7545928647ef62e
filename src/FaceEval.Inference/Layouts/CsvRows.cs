using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using FaceEval.Core.Errors;

namespace FaceEval.Inference.Layouts;

/// <summary>Small CSV files (labels, relations, truth) as header-keyed rows.</summary>
internal static class CsvRows
{
    public static List<Dictionary<string, string>> Read(string path, params string[] required)
    {
        if (!File.Exists(path))
        {
            throw new FaceEvalException(ErrorKind.FileNotFound, $"{path}: no such file");
        }

        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, BadDataFound = null, MissingFieldFound = null };
        try
        {
            using var reader = new StreamReader(path);
            using var csv = new CsvReader(reader, config);
            if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is not { } header)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: empty CSV, expected columns {string.Join(", ", required)}");
            }

            var missing = required.Where(r => !header.Contains(r, StringComparer.Ordinal)).ToArray();
            if (missing.Length > 0)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: missing column(s) {string.Join(", ", missing)}");
            }

            var rows = new List<Dictionary<string, string>>();
            while (csv.Read())
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    row[header[i]] = csv.TryGetField<string>(i, out var v) ? v ?? "" : "";
                }

                rows.Add(row);
            }

            return rows;
        }
        catch (CsvHelperException e)
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: {e.Message.Split('\n')[0]}", e);
        }
    }

    public static double Number(Dictionary<string, string> row, string column, string path)
    {
        if (!double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) || !double.IsFinite(v))
        {
            throw new FaceEvalException(ErrorKind.InvalidData, $"{path}: '{row[column]}' in column {column} is not a number");
        }

        return v;
    }
}
