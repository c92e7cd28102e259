import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Writes a JPEG with 4:4:0 chroma subsampling (luma sampled 1×2), which PIL cannot write. It is the
 * case where PIL's libjpeg-turbo and the JDK's libjpeg 6b decode differently: turbo interpolates the
 * chroma rows ("fancy" h1v2 upsampling), 6b repeats them. Run by make_test_images.py:
 *
 *     java tools/tutorial/WriteJpeg440.java IN.png OUT.jpg
 */
public class WriteJpeg440 {
    public static void main(String[] args) throws Exception {
        BufferedImage src = ImageIO.read(new File(args[0]));
        BufferedImage img = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        img.getGraphics().drawImage(src, 0, 0, null);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.85f);
        IIOMetadata meta = writer.getDefaultImageMetadata(new ImageTypeSpecifier(img), param);
        Node root = meta.getAsTree("javax_imageio_jpeg_image_1.0");
        NodeList comps = ((Element) root).getElementsByTagName("componentSpec");
        for (int i = 0; i < comps.getLength(); i++) {
            Element c = (Element) comps.item(i);
            c.setAttribute("HsamplingFactor", "1");
            c.setAttribute("VsamplingFactor", i == 0 ? "2" : "1");
        }
        meta.setFromTree("javax_imageio_jpeg_image_1.0", root);
        try (ImageOutputStream out = ImageIO.createImageOutputStream(new File(args[1]))) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(img, null, meta), param);
        }
        writer.dispose();
    }
}
