package dev.bitsandlogits.widgets;

import org.teavm.jso.browser.Window;
import org.teavm.jso.dom.html.HTMLDocument;
import org.teavm.jso.dom.html.HTMLElement;
import org.teavm.jso.dom.html.HTMLInputElement;
import org.teavm.jso.dom.xml.NodeList;

/**
 * The browser half of a widget, compiled by TeaVM: finds the page's {@code <figure
 * data-widget="name">} elements (whose HTML the build wrote, at the sliders' start values),
 * enables their range inputs and, on every input, recomputes the readouts and both drawings (wide
 * and narrow) with the same Java the build ran. It only writes numbers and the drawings' markup;
 * the widget's words come from the figure's {@code data-s-<key>} attributes, which the build wrote
 * in the page's language (so one script serves every edition).
 */
public final class WidgetRuntime {

    /** Milliseconds between two steps of Play. */
    private static final int TICK = 40;

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
        widget.strings(key -> figure.getAttribute(Widget.STRING_ATTRIBUTE + key));
        Slider[] sliders = widget.sliders();
        HTMLInputElement[] inputs = new HTMLInputElement[sliders.length];
        HTMLElement[] shown = new HTMLElement[sliders.length];
        for (int i = 0; i < sliders.length; i++) {
            inputs[i] = (HTMLInputElement) figure.querySelector("input[data-slider=\"" + sliders[i].id() + "\"]");
            shown[i] = figure.querySelector("output[data-slider=\"" + sliders[i].id() + "\"]");
        }
        HTMLElement wide = figure.querySelector("g.widget-plot[data-layout=\"wide\"]");
        HTMLElement narrow = figure.querySelector("g.widget-plot[data-layout=\"narrow\"]");
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
            widget.narrow(false);
            wide.setInnerHTML(widget.figure(x));
            widget.narrow(true);
            narrow.setInnerHTML(widget.figure(x));
            widget.narrow(false);
        };
        for (HTMLInputElement input : inputs) {
            input.addEventListener("input", event -> update.run());
            input.setDisabled(false);
        }
        HTMLElement play = figure.querySelector("button[data-play]");
        if (play != null) {
            play(play, inputs[inputs.length - 1], sliders[sliders.length - 1], widget, update);
        }
        update.run(); // a reload may have kept moved sliders
        figure.setAttribute("data-live", "true");
    }

    /** Play runs the last slider up to its maximum one step a tick (from its minimum if it is there); again pauses. */
    private static void play(HTMLElement button, HTMLInputElement input, Slider slider, Widget widget, Runnable update) {
        int[] timer = {-1};
        Runnable stop = () -> {
            Window.clearInterval(timer[0]);
            timer[0] = -1;
            button.setTextContent(widget.playLabel());
            button.setAttribute("aria-pressed", "false");
        };
        button.addEventListener("click", event -> {
            if (timer[0] >= 0) {
                stop.run();
                return;
            }
            if (Integer.parseInt(input.getValue()) >= slider.to()) {
                input.setValue(Integer.toString(slider.from()));
                update.run();
            }
            button.setTextContent(widget.pauseLabel());
            button.setAttribute("aria-pressed", "true");
            timer[0] = Window.setInterval(() -> {
                int k = Integer.parseInt(input.getValue()) + 1;
                input.setValue(Integer.toString(k));
                update.run();
                if (k >= slider.to()) {
                    stop.run();
                }
            }, TICK);
        });
        button.removeAttribute("disabled");
    }
}
