namespace Curation.ProxyLm.Config;

/// <summary>Optimisation settings: AdamW, warmup + cosine/constant schedule, clipping, budget, evaluation and checkpoints.</summary>
public sealed record TrainingConfig
{
    /// <summary>Sequences per step (B).</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Tokens per sequence (T); 0 means model.context_length.</summary>
    public int SequenceLength { get; init; }

    /// <summary>Optimizer steps; 0 means derive from <see cref="TokenBudget"/>.</summary>
    public int Steps { get; init; }

    /// <summary>Training tokens; used when <see cref="Steps"/> is 0 (steps = ⌈budget / (B·T)⌉).</summary>
    public long TokenBudget { get; init; }

    /// <summary>Peak learning rate.</summary>
    public float LearningRate { get; init; } = 3e-4f;

    /// <summary>Final learning rate of the cosine schedule.</summary>
    public float MinLearningRate { get; init; }

    /// <summary>Linear warmup steps.</summary>
    public int WarmupSteps { get; init; }

    /// <summary>"cosine" or "constant" after warmup.</summary>
    public string Schedule { get; init; } = "cosine";

    /// <summary>AdamW decoupled weight decay (applied to matrices and embeddings).</summary>
    public float WeightDecay { get; init; } = 0.1f;

    /// <summary>AdamW β1.</summary>
    public float Beta1 { get; init; } = 0.9f;

    /// <summary>AdamW β2.</summary>
    public float Beta2 { get; init; } = 0.999f;

    /// <summary>AdamW ε.</summary>
    public float Epsilon { get; init; } = 1e-8f;

    /// <summary>Global gradient-norm clip; 0 disables clipping.</summary>
    public float GradClip { get; init; } = 1f;

    /// <summary>Seed of weight init and data sampling.</summary>
    public ulong Seed { get; init; } = 1337;

    /// <summary>Worker threads; 0 = all logical processors. Results are reproducible for a given seed and thread count.</summary>
    public int Threads { get; init; }

    /// <summary>Evaluate every this many steps (and at the end); 0 = only at the end.</summary>
    public int EvalInterval { get; init; }

    /// <summary>Batches per validation set per evaluation; 0 = the whole set.</summary>
    public int EvalBatches { get; init; } = 0;

    /// <summary>Checkpoint file; empty = no checkpoints. An existing file is resumed from.</summary>
    public string Checkpoint { get; init; } = "";

    /// <summary>Write the checkpoint every this many steps (and at the end); 0 = only at the end.</summary>
    public int CheckpointInterval { get; init; }

    /// <summary>The sequence length actually used.</summary>
    public int EffectiveSequenceLength(ModelConfig m) => SequenceLength > 0 ? SequenceLength : m.ContextLength;

    /// <summary>The number of steps actually run.</summary>
    public int EffectiveSteps(ModelConfig m)
    {
        if (Steps > 0) return Steps;
        var perStep = (long)BatchSize * EffectiveSequenceLength(m);
        return (int)Math.Max(1, (TokenBudget + perStep - 1) / perStep);
    }

    /// <summary>Throws a <see cref="ProxyLmConfigException"/> naming the first invalid field.</summary>
    public void Validate(ModelConfig m)
    {
        ModelConfig.Require(BatchSize > 0, "training.batch_size must be positive");
        ModelConfig.Require(SequenceLength >= 0 && SequenceLength <= m.ContextLength, $"training.sequence_length must be in [1, model.context_length = {m.ContextLength}]");
        ModelConfig.Require(Steps > 0 || TokenBudget > 0, "set training.steps or training.token_budget");
        ModelConfig.Require(LearningRate > 0 && MinLearningRate >= 0 && MinLearningRate <= LearningRate, "need 0 <= training.min_learning_rate <= training.learning_rate, learning_rate > 0");
        ModelConfig.Require(WarmupSteps >= 0, "training.warmup_steps must not be negative");
        ModelConfig.Require(Schedule is "cosine" or "constant", $"training.schedule must be 'cosine' or 'constant', not '{Schedule}'");
        ModelConfig.Require(Beta1 is >= 0 and < 1 && Beta2 is >= 0 and < 1, "training.beta1 and beta2 must be in [0, 1)");
        ModelConfig.Require(Epsilon > 0 && WeightDecay >= 0 && GradClip >= 0, "training.epsilon must be positive; weight_decay and grad_clip must not be negative");
        ModelConfig.Require(Threads >= 0 && EvalInterval >= 0 && EvalBatches >= 0 && CheckpointInterval >= 0, "threads, eval_interval, eval_batches and checkpoint_interval must not be negative");
    }
}
