using System.Runtime.InteropServices;

namespace Curation.Dedup.Storage;

/// <summary>One document's entry in a doc table: where its UTF-8 id sits in the <c>.ids</c> file, and its priority.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
public readonly record struct DocEntry(long Offset, int Length, int Flags, double Priority);
