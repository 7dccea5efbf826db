namespace Curation.FastText;

/// <summary>fastText's loss functions, with the integer values stored in model files.</summary>
public enum LossName
{
    /// <summary>Hierarchical softmax over a Huffman tree of the labels.</summary>
    HierarchicalSoftmax = 1,

    /// <summary>Negative sampling.</summary>
    NegativeSampling = 2,

    /// <summary>Full softmax.</summary>
    Softmax = 3,

    /// <summary>One independent binary classifier per label.</summary>
    OneVsAll = 4,
}
