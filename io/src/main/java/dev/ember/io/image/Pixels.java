package dev.ember.io.image;

/**
 * Decoded 8-bit samples in PIL's terms: a mode ("1", "L", "LA", "RGB", "RGBA", "P", "I"),
 * the planes in channel order (values 0–255, or 0–65535 for "I"), and for "P" the palette.
 */
record Pixels(String mode, int width, int height, int[][] planes, int[] paletteRgb) {

    int channels() { return planes.length; }

    /** {@code .convert('RGB')} as PIL does it: drop alpha, repeat grey, look palette indices up, clip "I". */
    Pixels toRgb() {
        int n = width * height;
        int[][] rgb = new int[3][];
        switch (mode) {
            case "RGB", "RGBA" -> {
                rgb[0] = planes[0];
                rgb[1] = planes[1];
                rgb[2] = planes[2];
            }
            case "L", "LA", "1" -> rgb[0] = rgb[1] = rgb[2] = planes[0];
            case "I" -> {
                int[] v = new int[n];
                for (int i = 0; i < n; i++) v[i] = Math.min(255, Math.max(0, planes[0][i]));
                rgb[0] = rgb[1] = rgb[2] = v;
            }
            case "P" -> {
                for (int c = 0; c < 3; c++) rgb[c] = new int[n];
                for (int i = 0; i < n; i++) {
                    int k = planes[0][i];
                    int p = k < paletteRgb.length ? paletteRgb[k] : 0; // PIL pads a short palette with black
                    rgb[0][i] = (p >> 16) & 0xFF;
                    rgb[1][i] = (p >> 8) & 0xFF;
                    rgb[2][i] = p & 0xFF;
                }
            }
            default -> throw new IllegalStateException("unknown mode " + mode);
        }
        return new Pixels("RGB", width, height, rgb, null);
    }
}
