using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Curation.Dedup.Tests")]
