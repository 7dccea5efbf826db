namespace Curation.FastText.Model;

/// <summary>One binary classifier per label; every label of the line is a positive.</summary>
internal sealed class OneVsAllLoss(FastTextMatrix wo) : BinaryLogisticLoss(wo)
{
    public override float Forward(IntList targets, int targetIndex, ModelState state, float lr, bool backprop)
    {
        var loss = 0f;
        for (var i = 0; i < state.Output.Length; i++)
            loss += BinaryLogistic(i, state, targets.Contains(i), lr, backprop);
        return loss;
    }
}
