using FaceEval.Core.Errors;
using FaceEval.Core.Metrics;

namespace FaceEval.Core.Tests.Metrics;

public class ContingencyTableTests
{
    [Fact]
    public void UnlabelledFacesAreDroppedAndUnassignedFacesBecomeSingletonColumns()
    {
        int[] truth = [10, 10, 3, -1, 3, 10, 3];
        int[] predicted = [7, 7, 7, 7, -1, -1, 2];

        var table = ContingencyTable.Build(truth, predicted);

        Assert.Equal(6, table.Scored);
        Assert.Equal([10, 3], table.RowLabels.ToArray());
        Assert.Equal([3, 3], table.RowSums.ToArray());
        Assert.Equal(2, table.ClusterCount);
        Assert.Equal(2, table.UnassignedCount);
        Assert.Equal([7, 2, -1, -1], table.ColumnLabels.ToArray());
        Assert.Equal([3, 1, 1, 1], table.ColumnSums.ToArray());
        Assert.False(table.IsUnassigned(1));
        Assert.True(table.IsUnassigned(2));
        Assert.Equal(
            [new(0, 0, 2), new(0, 3, 1), new(1, 0, 1), new(1, 2, 1), new(1, 1, 1)],
            table.Cells.ToArray());
        Assert.Equal([new ContingencyCell(1, 0, 1), new(1, 2, 1), new(1, 1, 1)], table.CellsInRow(1).ToArray());
        Assert.Equal(1, table.RowOf(3));
        Assert.Equal(-1, table.RowOf(4));
        Assert.Equal(-1, table.RowOf(-1));
    }

    [Fact]
    public void HugeSparseLabelsAreIndexedLikeSmallOnes()
    {
        int[] truth = [int.MaxValue, 5, int.MaxValue, 5];
        int[] predicted = [1_000_000_000, 0, 0, 1_000_000_000];

        var table = ContingencyTable.Build(truth, predicted);

        Assert.Equal(2, table.RowCount);
        Assert.Equal(2, table.ClusterCount);
        Assert.Equal(0, table.RowOf(int.MaxValue));
        Assert.Equal(4, table.Cells.Length);
    }

    [Fact]
    public void CellCountsAddUpToTheMarginals()
    {
        var (truth, predicted) = InvarianceTests.Labellings(seed: 9, n: 5000, truthClusters: 300, predictedClusters: 200, unassignedShare: 0.2);
        var table = ContingencyTable.Build(truth, predicted);

        var rows = new int[table.RowCount];
        var columns = new int[table.ColumnCount];
        var seen = new HashSet<(int, int)>();
        foreach (var cell in table.Cells)
        {
            Assert.True(cell.Count > 0);
            Assert.True(seen.Add((cell.Row, cell.Column)), "each cell appears once");
            rows[cell.Row] += cell.Count;
            columns[cell.Column] += cell.Count;
        }

        Assert.Equal(table.RowSums.ToArray(), rows);
        Assert.Equal(table.ColumnSums.ToArray(), columns);
        Assert.Equal(5000, table.Scored);
        Assert.Equal(predicted.Count(p => p == -1), table.UnassignedCount);
    }

    [Fact]
    public void MismatchedLengthsAndLabelsBelowMinusOneAreInvalidData()
    {
        var lengths = Assert.Throws<FaceEvalException>(() => ContingencyTable.Build([0, 1], [0]));
        Assert.Equal(ErrorKind.InvalidData, lengths.Kind);
        Assert.Contains("2", lengths.Message);

        var negative = Assert.Throws<FaceEvalException>(() => ContingencyTable.Build([0, 1, 2], [0, -2, 1]));
        Assert.Equal(ErrorKind.InvalidData, negative.Kind);
        Assert.Contains("face 1", negative.Message);
    }
}
