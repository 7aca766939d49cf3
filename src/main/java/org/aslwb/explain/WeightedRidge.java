package org.aslwb.explain;

/**
 * Ridge regression with sample weights and an unpenalised intercept, as scikit-learn's {@code
 * Ridge(alpha, fit_intercept=True).fit(X, y, sample_weight)}: centre X and y on their weighted
 * means, solve {@code (Xc' W Xc + alpha I) b = Xc' W yc}, intercept = weighted mean residual.
 */
final class WeightedRidge {
  private WeightedRidge() {}

  /**
   * The fitted model.
   *
   * @param coefficients one per feature
   * @param intercept the intercept
   * @param score weighted R^2 on the training rows
   */
  record Fit(double[] coefficients, double intercept, double score) {
    double predict(double[] x) {
      double v = intercept;
      for (int j = 0; j < x.length; j++) {
        v += coefficients[j] * x[j];
      }
      return v;
    }
  }

  static Fit fit(double[][] x, double[] y, double[] weights, double alpha) {
    int n = x.length;
    int k = x[0].length;
    double wSum = 0;
    double yMean = 0;
    double[] xMean = new double[k];
    for (int i = 0; i < n; i++) {
      wSum += weights[i];
      yMean += weights[i] * y[i];
      for (int j = 0; j < k; j++) {
        xMean[j] += weights[i] * x[i][j];
      }
    }
    yMean /= wSum;
    for (int j = 0; j < k; j++) {
      xMean[j] /= wSum;
    }
    double[][] a = new double[k][k];
    double[] rhs = new double[k];
    double[] xc = new double[k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        xc[j] = x[i][j] - xMean[j];
      }
      double w = weights[i];
      double yc = y[i] - yMean;
      for (int j = 0; j < k; j++) {
        double wx = w * xc[j];
        rhs[j] += wx * yc;
        for (int l = j; l < k; l++) {
          a[j][l] += wx * xc[l];
        }
      }
    }
    for (int j = 0; j < k; j++) {
      a[j][j] += alpha;
      for (int l = 0; l < j; l++) {
        a[j][l] = a[l][j];
      }
    }
    double[] coef = solveSymmetric(a, rhs);
    double intercept = yMean;
    for (int j = 0; j < k; j++) {
      intercept -= coef[j] * xMean[j];
    }
    Fit fit = new Fit(coef, intercept, 0);
    double ssRes = 0;
    double ssTot = 0;
    for (int i = 0; i < n; i++) {
      double r = y[i] - fit.predict(x[i]);
      ssRes += weights[i] * r * r;
      ssTot += weights[i] * (y[i] - yMean) * (y[i] - yMean);
    }
    return new Fit(coef, intercept, ssTot == 0 ? 0 : 1 - ssRes / ssTot);
  }

  /** Cholesky solve; the matrix is positive definite because alpha > 0. */
  static double[] solveSymmetric(double[][] a, double[] b) {
    int k = b.length;
    double[][] l = new double[k][k];
    for (int i = 0; i < k; i++) {
      for (int j = 0; j <= i; j++) {
        double s = a[i][j];
        for (int m = 0; m < j; m++) {
          s -= l[i][m] * l[j][m];
        }
        l[i][j] = i == j ? Math.sqrt(Math.max(s, 1e-300)) : s / l[j][j];
      }
    }
    double[] z = new double[k];
    for (int i = 0; i < k; i++) {
      double s = b[i];
      for (int m = 0; m < i; m++) {
        s -= l[i][m] * z[m];
      }
      z[i] = s / l[i][i];
    }
    double[] x = new double[k];
    for (int i = k - 1; i >= 0; i--) {
      double s = z[i];
      for (int m = i + 1; m < k; m++) {
        s -= l[m][i] * x[m];
      }
      x[i] = s / l[i][i];
    }
    return x;
  }
}
