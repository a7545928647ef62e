using System.Numerics.Tensors;

namespace FaceEval.Core.Algorithms;

/// <summary>
/// The unit centroid directions of the named people as they stood at the start of the current clustering
/// step: the fold check compares a leftover cluster with them. Kept incrementally: at
/// <see cref="Refresh"/> only people that gained faces or were named since the last one are recomputed, not
/// every named person at every step. Named people never lose faces or disappear, so the list only grows.
/// </summary>
internal sealed class NamedCentroids
{
    private readonly List<float[]?> _units = [];
    private readonly List<int> _persons = [];
    private readonly HashSet<int> _stale = [];

    /// <summary>Named people, ascending.</summary>
    public IReadOnlyList<int> Persons => _persons;

    /// <summary>Person ids below this may have a direction (the size a per-person table needs).</summary>
    public int Slots => _units.Count;

    /// <summary>A named person changed (gained faces, or was just named): recompute it at the next refresh.</summary>
    public void Changed(int person) => _stale.Add(person);

    /// <summary>Whether <paramref name="person"/> was named at the last refresh.</summary>
    public bool Has(int person) => person >= 0 && person < _units.Count && _units[person] is not null;

    /// <summary>Recomputes the changed people's directions: float(Sum / |Sum|), element for element.</summary>
    public void Refresh(IReadOnlyList<GatedPerson> people)
    {
        foreach (var p in _stale)
        {
            var person = people[p];
            while (_units.Count <= p)
            {
                _units.Add(null);
            }

            if (_units[p] is null)
            {
                var at = _persons.BinarySearch(p);
                _persons.Insert(~at, p);
            }

            var unit = _units[p] ??= new float[person.Sum.Length];
            for (var k = 0; k < unit.Length; k++)
            {
                unit[k] = (float)(person.Sum[k] / person.Norm);
            }
        }

        _stale.Clear();
    }

    /// <summary>Cosine distance from a unit <paramref name="centroid"/> to a named person's direction (a float dot product).</summary>
    public double Distance(int person, float[] centroid) => 1.0 - TensorPrimitives.Dot(centroid, _units[person]!);
}
