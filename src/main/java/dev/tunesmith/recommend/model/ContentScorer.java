package dev.tunesmith.recommend.model;

import dev.tunesmith.recommend.data.UserVector;

/**
 * Content-based scorer: the user profile is p = Σ_{j ∈ u} log(1 + w_uj)·v_j, and items are scored
 * by cosine(p, vᵢ) or by Pearson correlation r(p, vᵢ) over all {@code dims} dimensions.
 */
public record ContentScorer(ContentModel model, Similarity similarity) implements ItemScorer {

    /** Similarity between the profile vector and an item vector. */
    public enum Similarity {
        /** cos(p, v) = p·v / (‖p‖‖v‖). */
        COSINE,
        /** r(p, v) = (Σ p_d v_d − D·p̄·v̄) / (D·σ_p·σ_v). */
        PEARSON
    }

    @Override
    public String name() {
        return similarity == Similarity.COSINE ? "content-cos" : "content-pearson";
    }

    @Override
    public int itemCount() {
        return model.items();
    }

    /** The profile vector p (dense, length {@code dims}). */
    public float[] profile(UserVector user) {
        float[] p = new float[model.dims()];
        for (int e = 0; e < user.size(); e++) {
            int j = user.items()[e];
            float w = (float) Math.log1p(user.values()[e]);
            int[] idx = model.indices()[j];
            float[] val = model.values()[j];
            for (int d = 0; d < idx.length; d++) {
                p[idx[d]] += w * val[d];
            }
        }
        return p;
    }

    @Override
    public void score(UserVector user, float[] out) {
        scoreProfile(profile(user), out);
    }

    /** Scores every item against a given profile vector. */
    public void scoreProfile(float[] p, float[] out) {
        int dims = model.dims();
        double ps = 0;
        double pss = 0;
        for (float x : p) {
            ps += x;
            pss += x * x;
        }
        double pMean = ps / dims;
        double pSd = Math.sqrt(Math.max(pss / dims - pMean * pMean, 0));
        double pNorm = Math.sqrt(pss);
        for (int i = 0; i < model.items(); i++) {
            int[] idx = model.indices()[i];
            float[] val = model.values()[i];
            double dot = 0;
            double vs = 0;
            double vss = 0;
            for (int d = 0; d < idx.length; d++) {
                dot += p[idx[d]] * val[d];
                vs += val[d];
                vss += val[d] * val[d];
            }
            if (similarity == Similarity.COSINE) {
                out[i] = pNorm == 0 || vss == 0 ? 0f : (float) (dot / (pNorm * Math.sqrt(vss)));
            } else {
                double vMean = vs / dims;
                double vSd = Math.sqrt(Math.max(vss / dims - vMean * vMean, 0));
                out[i] = pSd == 0 || vSd == 0 ? 0f : (float) ((dot / dims - pMean * vMean) / (pSd * vSd));
            }
        }
    }
}
