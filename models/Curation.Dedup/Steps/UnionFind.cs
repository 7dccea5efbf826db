namespace Curation.Dedup.Steps;

/// <summary>Union-find over 64-bit node keys with path halving and union by size.</summary>
internal sealed class UnionFind
{
    private readonly Dictionary<ulong, int> _index = [];
    private readonly List<ulong> _keys = [];
    private readonly List<int> _parent = [];
    private readonly List<int> _size = [];

    public int Count => _keys.Count;

    public ulong Key(int node) => _keys[node];

    public void Union(ulong a, ulong b)
    {
        int ra = Find(Node(a)), rb = Find(Node(b));
        if (ra == rb) return;
        if (_size[ra] < _size[rb]) (ra, rb) = (rb, ra);
        _parent[rb] = ra;
        _size[ra] += _size[rb];
    }

    public int Find(int node)
    {
        while (_parent[node] != node)
        {
            _parent[node] = _parent[_parent[node]];
            node = _parent[node];
        }
        return node;
    }

    private int Node(ulong key)
    {
        if (_index.TryGetValue(key, out int node)) return node;
        node = _keys.Count;
        _index[key] = node;
        _keys.Add(key);
        _parent.Add(node);
        _size.Add(1);
        return node;
    }
}
