namespace Curation.ProxyLm.Data;

/// <summary>Megatron's dtype codes for token arrays (indexed_dataset.DType); only integer codes hold tokens.</summary>
public enum TokenDType : byte
{
    /// <summary>uint8.</summary>
    UInt8 = 1,
    /// <summary>int8.</summary>
    Int8 = 2,
    /// <summary>int16.</summary>
    Int16 = 3,
    /// <summary>int32 (vocabularies of 65,500 and more).</summary>
    Int32 = 4,
    /// <summary>int64.</summary>
    Int64 = 5,
    /// <summary>uint16 (vocabularies under 65,500).</summary>
    UInt16 = 8,
}

