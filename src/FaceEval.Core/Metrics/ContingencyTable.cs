using System.Buffers;
using FaceEval.Core.Errors;

namespace FaceEval.Core.Metrics;

/// <summary>
/// The sparse truth-by-predicted contingency table every supervised metric is derived from, built once
/// in O(n). Only scored faces enter it: a face whose truth label is -1 (unlabelled) is left out. A face
/// whose predicted label is -1 (unassigned) becomes a column of its own, so it is a singleton cluster.
/// Rows are the distinct truth labels and columns the distinct predicted clusters, both numbered densely
/// in order of first appearance; real clusters are columns <c>0..ClusterCount-1</c> and unassigned
/// singletons follow them.
/// </summary>
public sealed class ContingencyTable
{
    private readonly ContingencyCell[] _cells;
    private readonly int[] _rowCellStart;
    private readonly int[] _rowSums;
    private readonly int[] _columnSums;
    private readonly int[] _rowLabels;
    private readonly int[] _columnLabels;
    private readonly LabelIndex _rowIndex;

    private ContingencyTable(ContingencyCell[] cells, int[] rowCellStart, int[] rowSums, int[] columnSums,
        int[] rowLabels, int[] columnLabels, int clusterCount, LabelIndex rowIndex)
    {
        _cells = cells;
        _rowCellStart = rowCellStart;
        _rowSums = rowSums;
        _columnSums = columnSums;
        _rowLabels = rowLabels;
        _columnLabels = columnLabels;
        _rowIndex = rowIndex;
        ClusterCount = clusterCount;
        var scored = 0;
        foreach (var s in rowSums)
        {
            scored += s;
        }

        Scored = scored;
    }

    /// <summary>Number of scored faces (truth label not -1); the table's grand total.</summary>
    public int Scored { get; }

    public int RowCount => _rowSums.Length;

    /// <summary>All columns: real clusters plus one per unassigned scored face.</summary>
    public int ColumnCount => _columnSums.Length;

    /// <summary>Real predicted clusters (columns <c>0..ClusterCount-1</c>), unassigned faces excluded.</summary>
    public int ClusterCount { get; }

    /// <summary>Scored faces predicted -1; each is a singleton column after the real clusters.</summary>
    public int UnassignedCount => ColumnCount - ClusterCount;

    /// <summary>Non-zero cells, grouped by row (rows in ascending order).</summary>
    public ReadOnlySpan<ContingencyCell> Cells => _cells;

    public ReadOnlySpan<int> RowSums => _rowSums;

    public ReadOnlySpan<int> ColumnSums => _columnSums;

    /// <summary>The original truth label of each row.</summary>
    public ReadOnlySpan<int> RowLabels => _rowLabels;

    /// <summary>The original predicted label of each column; -1 for the unassigned singletons.</summary>
    public ReadOnlySpan<int> ColumnLabels => _columnLabels;

    public ReadOnlySpan<ContingencyCell> CellsInRow(int row) =>
        _cells.AsSpan(_rowCellStart[row], _rowCellStart[row + 1] - _rowCellStart[row]);

    public bool IsUnassigned(int column) => column >= ClusterCount;

    /// <summary>The row of a truth label, or -1 when no scored face carries it.</summary>
    public int RowOf(int truthLabel) => _rowIndex.Find(truthLabel);

    /// <summary>
    /// Builds the table. Labels are any integers &gt;= -1 (they need not be dense). Throws
    /// <see cref="FaceEvalException"/> (<see cref="ErrorKind.InvalidData"/>) when the lengths differ or a
    /// label is below -1.
    /// </summary>
    public static ContingencyTable Build(ReadOnlySpan<int> truth, ReadOnlySpan<int> predicted)
    {
        if (truth.Length != predicted.Length)
        {
            throw new FaceEvalException(ErrorKind.InvalidData,
                $"truth has {truth.Length} labels but the predicted labelling has {predicted.Length}");
        }

        var n = truth.Length;
        int maxTruth = -1, maxPredicted = -1;
        for (var i = 0; i < n; i++)
        {
            if (truth[i] < -1)
            {
                throw new FaceEvalException(ErrorKind.InvalidData, $"truth label {truth[i]} at face {i} is below -1");
            }

            if (predicted[i] < -1)
            {
                throw new FaceEvalException(ErrorKind.InvalidData,
                    $"predicted label {predicted[i]} at face {i} is below -1");
            }

            maxTruth = Math.Max(maxTruth, truth[i]);
            maxPredicted = Math.Max(maxPredicted, predicted[i]);
        }

        // Scratch arrays come from the shared pool: a sweep scores thousands of labellings and would
        // otherwise churn the large-object heap.
        var pool = ArrayPool<int>.Shared;
        var faceRow = pool.Rent(n);
        var faceColumn = pool.Rent(n);
        try
        {
            // Pass 1: dense row and real-column ids in order of first appearance among scored faces.
            var rowIndex = new LabelIndex(maxTruth, n);
            var columnIndex = new LabelIndex(maxPredicted, n);
            var rowLabels = new List<int>();
            var columnLabels = new List<int>();
            var scored = 0;
            var unassigned = 0;
            for (var i = 0; i < n; i++)
            {
                if (truth[i] == -1)
                {
                    continue;
                }

                faceRow[scored] = rowIndex.GetOrAdd(truth[i], rowLabels);
                if (predicted[i] == -1)
                {
                    faceColumn[scored] = -1;
                    unassigned++;
                }
                else
                {
                    faceColumn[scored] = columnIndex.GetOrAdd(predicted[i], columnLabels);
                }

                scored++;
            }

            var clusters = columnLabels.Count;
            for (var u = 0; u < unassigned; u++)
            {
                columnLabels.Add(-1);
            }

            var (cells, rowCellStart, rowSums, columnSums) =
                Tabulate(faceRow.AsSpan(0, scored), faceColumn.AsSpan(0, scored), rowLabels.Count, clusters, unassigned);
            return new ContingencyTable(cells, rowCellStart, rowSums, columnSums, rowLabels.ToArray(),
                columnLabels.ToArray(), clusters, rowIndex);
        }
        finally
        {
            pool.Return(faceRow);
            pool.Return(faceColumn);
        }
    }

    // Counting sort of faces by row, then equal columns merged within each row through a per-column
    // "last row seen" marker: O(faces + rows + columns), no hashing. Unassigned faces (column -1) get
    // the singleton columns after the real ones.
    private static (ContingencyCell[] Cells, int[] RowCellStart, int[] RowSums, int[] ColumnSums) Tabulate(
        ReadOnlySpan<int> faceRow, Span<int> faceColumn, int rows, int clusters, int unassigned)
    {
        var scored = faceRow.Length;
        var columns = clusters + unassigned;
        var rowSums = new int[rows];
        var columnSums = new int[columns];
        var nextSingleton = clusters;
        for (var f = 0; f < scored; f++)
        {
            if (faceColumn[f] == -1)
            {
                faceColumn[f] = nextSingleton++;
            }

            rowSums[faceRow[f]]++;
            columnSums[faceColumn[f]]++;
        }

        var pool = ArrayPool<int>.Shared;
        var rowCellStart = new int[rows + 1];
        var cursor = pool.Rent(rows + 1);
        var byRow = pool.Rent(scored);
        var lastRow = pool.Rent(columns);
        var cellOf = pool.Rent(columns);
        var cellColumns = pool.Rent(scored);
        var counts = pool.Rent(scored);
        try
        {
            cursor[0] = 0;
            for (var r = 0; r < rows; r++)
            {
                cursor[r + 1] = cursor[r] + rowSums[r];
            }

            for (var f = 0; f < scored; f++)
            {
                byRow[cursor[faceRow[f]]++] = faceColumn[f];
            }

            // cursor[r] now holds the end of row r, i.e. the start of row r + 1.
            Array.Fill(lastRow, -1, 0, columns);
            var cellCount = 0;
            var start = 0;
            for (var r = 0; r < rows; r++)
            {
                rowCellStart[r] = cellCount;
                var end = cursor[r];
                for (var k = start; k < end; k++)
                {
                    var c = byRow[k];
                    if (lastRow[c] != r)
                    {
                        lastRow[c] = r;
                        cellOf[c] = cellCount;
                        cellColumns[cellCount] = c;
                        counts[cellCount] = 0;
                        cellCount++;
                    }

                    counts[cellOf[c]]++;
                }

                start = end;
            }

            rowCellStart[rows] = cellCount;
            var cells = new ContingencyCell[cellCount];
            for (var r = 0; r < rows; r++)
            {
                for (var k = rowCellStart[r]; k < rowCellStart[r + 1]; k++)
                {
                    cells[k] = new ContingencyCell(r, cellColumns[k], counts[k]);
                }
            }

            return (cells, rowCellStart, rowSums, columnSums);
        }
        finally
        {
            pool.Return(cursor);
            pool.Return(byRow);
            pool.Return(lastRow);
            pool.Return(cellOf);
            pool.Return(cellColumns);
            pool.Return(counts);
        }
    }

    /// <summary>Maps labels to dense ids: a flat array when labels are small, a dictionary otherwise.</summary>
    private sealed class LabelIndex
    {
        private readonly int[]? _dense;
        private readonly Dictionary<int, int>? _sparse;

        public LabelIndex(int maxLabel, int n)
        {
            if (maxLabel < 0)
            {
                _dense = [];
            }
            else if (maxLabel <= 4L * n + 1024)
            {
                _dense = new int[maxLabel + 1];
                Array.Fill(_dense, -1);
            }
            else
            {
                _sparse = new Dictionary<int, int>();
            }
        }

        public int GetOrAdd(int label, List<int> labels)
        {
            if (_dense is not null)
            {
                ref var slot = ref _dense[label];
                if (slot < 0)
                {
                    slot = labels.Count;
                    labels.Add(label);
                }

                return slot;
            }

            if (!_sparse!.TryGetValue(label, out var id))
            {
                id = labels.Count;
                _sparse[label] = id;
                labels.Add(label);
            }

            return id;
        }

        public int Find(int label)
        {
            if (label < 0)
            {
                return -1;
            }

            if (_dense is not null)
            {
                return label < _dense.Length ? _dense[label] : -1;
            }

            return _sparse!.TryGetValue(label, out var id) ? id : -1;
        }
    }
}
