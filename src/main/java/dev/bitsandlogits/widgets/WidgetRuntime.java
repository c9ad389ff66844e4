package dev.bitsandlogits.widgets;

import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.xml.NodeList;

/**
 * The browser half of a widget, compiled by TeaVM: finds the page's {@code <figure
 * data-widget="name">} elements (whose HTML the build wrote, at the sliders' start values),
 * enables their range inputs and, on every input, recomputes the readouts and the figure with the
 * same Java the build ran. It only writes numbers and the figure's markup: every label on the page
 * came from the widget class through the build.
 */
public final class WidgetRuntime {

    private WidgetRuntime() {
    }

    /** Binds every figure of the page for widget {@code name}. */
    public static void start(String name, Widget widget) {
        NodeList<? extends HTMLElement> figures = HTMLDocument.current()
                .querySelectorAll("figure.widget[data-widget=\"" + name + "\"]");
        for (int i = 0; i < figures.getLength(); i++) {
            bind(figures.item(i), widget);
        }
    }

    private static void bind(HTMLElement figure, Widget widget) {
        Slider[] sliders = widget.sliders();
        HTMLInputElement[] inputs = new HTMLInputElement[sliders.length];
        HTMLElement[] shown = new HTMLElement[sliders.length];
        for (int i = 0; i < sliders.length; i++) {
            inputs[i] = (HTMLInputElement) figure.querySelector("input[data-slider=\"" + sliders[i].id() + "\"]");
            shown[i] = figure.querySelector("output[data-slider=\"" + sliders[i].id() + "\"]");
        }
        HTMLElement drawing = figure.querySelector("g.widget-plot");
        NodeList<? extends HTMLElement> readouts = figure.querySelectorAll("[data-readout]");
        Runnable update = () -> {
            double[] x = new double[sliders.length];
            for (int i = 0; i < sliders.length; i++) {
                x[i] = sliders[i].value(Integer.parseInt(inputs[i].getValue()));
                String text = sliders[i].text(x[i]);
                shown[i].setTextContent(text);
                inputs[i].setAttribute("aria-valuetext", text);
            }
            Readout[] r = widget.readouts(x);
            for (int j = 0; j < r.length && j < readouts.getLength(); j++) {
                readouts.item(j).setTextContent(r[j].text());
                readouts.item(j).setAttribute("title", Double.toString(r[j].value()));
            }
            drawing.setInnerHTML(widget.figure(x));
        };
        for (HTMLInputElement input : inputs) {
            input.addEventListener("input", event -> update.run());
            input.setDisabled(false);
        }
        update.run(); // a reload may have kept moved sliders
        figure.setAttribute("data-live", "true");
    }
}
